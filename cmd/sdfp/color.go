package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// useColor decides whether output to w is coloured, from a --color value:
// "always" and "never" say it; "auto" (or "") colours a terminal unless
// NO_COLOR is set to anything but "" (https://no-color.org: a flag given
// on the command line wins over the variable) or TERM is "dumb".
func useColor(mode string, w io.Writer, getenv func(string) string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
			return false, nil
		}
		f, ok := w.(*os.File)
		return ok && term.IsTerminal(int(f.Fd())), nil
	}
	return false, fmt.Errorf("--color %q: want auto, always or never", mode)
}

// paintWord colours a status word of sdfp test: FAIL red, ok green.
func paintWord(colour bool, word string) string {
	if !colour {
		return word
	}
	code := "\x1b[32m"
	if word == "FAIL" {
		code = "\x1b[31m"
	}
	return code + word + "\x1b[0m"
}
