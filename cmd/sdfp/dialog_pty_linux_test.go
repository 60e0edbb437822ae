package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair: the test types on the master,
// sdfp dialog reads and writes the slave as its terminal.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(m.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Skipf("ptsname: %v", err)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("open slave: %v", err)
	}
	t.Cleanup(func() { m.Close(); s.Close() })
	return m, s
}

// sdfp dialog on a real (pseudo-)terminal: raw mode, the prompt, line
// editing and recall, output with CR LF, and the terminal mode restored
// when the dialog ends.
func TestDialogOnPTY(t *testing.T) {
	master, slave := openPTY(t)
	before, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		c := &cli{stdin: slave, stdout: slave, stderr: slave}
		done <- c.main([]string{"dialog", "--workdir", t.TempDir()})
	}()
	// Type only once the prompt shows: keys typed before the dialog has
	// switched the terminal to raw mode would be taken by the cooked
	// line discipline.
	var screen bytes.Buffer
	prompted, got := make(chan struct{}), make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		shown := false
		for {
			n, err := master.Read(buf)
			screen.Write(buf[:n])
			if !shown && strings.HasPrefix(screen.String(), "/") {
				close(prompted)
				shown = true
			}
			if err != nil || strings.Contains(screen.String(), "\r\nLOGGED OFF\r\n") {
				break
			}
		}
		close(got)
	}()
	select {
	case <-prompted:
	case <-time.After(10 * time.Second):
		t.Fatal("no prompt")
	}
	master.WriteString("WRITE-TEXT 'AC'\x1b[D\x1b[DB\r")
	master.WriteString("\x1b[A\r")
	master.WriteString("WRITE-TEXT 'LOGGED OFF'\rLOGOFF\r")
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the dialog did not end")
	}
	<-got
	out := screen.String()
	if !strings.HasPrefix(out, "/") || strings.Count(out, "\r\nABC\r\n") != 2 {
		t.Errorf("want a / prompt and ABC twice (typed, recalled):\n%q", out)
	}
	after, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag {
		t.Errorf("terminal mode not restored: lflag %#x -> %#x", before.Lflag, after.Lflag)
	}
}
