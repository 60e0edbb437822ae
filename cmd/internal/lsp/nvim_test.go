package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serverEnv makes the test binary a language server on its stdin and
// stdout, for a real client to start (TestMain).
const serverEnv = "SDFP_TEST_LSP_SERVER"

func TestMain(m *testing.M) {
	if os.Getenv(serverEnv) == "1" {
		Serve(context.Background(), pipes{os.Stdin, os.Stdout}, Options{})
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// nvimScript opens a procedure in Neovim (0.7 or later: start_client and
// buf_attach_client, which vim.lsp.start of 0.8 wraps), attaches the
// server to it, waits for diagnostics and writes them to a file, one a
// line: "line:col severity code message" (0-based, as Neovim counts).
const nvimScript = `
local proc, out = os.getenv("SDFP_NVIM_PROC"), os.getenv("SDFP_NVIM_OUT")
vim.cmd("edit " .. vim.fn.fnameescape(proc))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "sdfp",
  cmd = { os.getenv("SDFP_NVIM_SERVER"), "-test.run=^$" },
  cmd_env = { SDFP_TEST_LSP_SERVER = "1" },
  root_dir = vim.fn.fnamemodify(proc, ":h"),
})
vim.lsp.buf_attach_client(buf, id)
vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local f = io.open(out, "w")
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  f:write(string.format("%d:%d %d %s %s\n", d.lnum, d.col, d.severity, tostring(code), d.message))
end
f:close()
vim.cmd("qa!")
`

// Neovim's own LSP client opens a procedure with an error and shows the
// check's diagnostic on its line and column.
func TestNeovimShowsTheDiagnostic(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (apt-get install neovim; .ci/run installs it as root): the test with a real LSP client is skipped")
	}
	dir := t.TempDir()
	proc := filepath.Join(dir, "main.proc")
	os.WriteFile(proc, []byte(mainProc), 0o644)
	script := filepath.Join(dir, "sdfp.lua")
	os.WriteFile(script, []byte(nvimScript), 0o644)
	out := filepath.Join(dir, "diagnostics.txt")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SDFP_NVIM_PROC="+proc, "SDFP_NVIM_OUT="+out,
		"SDFP_NVIM_SERVER="+os.Args[0], "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no diagnostics: %v", err)
	}
	want := "9:1 1 CMD0202 command SHOW-VM-ATRIBUTES is not known; did you mean SHOW-VM-ATTRIBUTES?"
	if strings.TrimSpace(string(got)) != want {
		t.Errorf("Neovim shows\n%s\nwant\n%s", got, want)
	}
}
