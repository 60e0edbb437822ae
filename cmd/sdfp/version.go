package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// versionInfo describes the binary from its build information: the
// module's version ("(devel)" for a build from a work tree), the VCS
// revision and commit time and whether the tree was modified, and the Go
// version that built it.
func versionInfo(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi == nil {
		return "sdfp (no build information)\n"
	}
	s := fmt.Sprintf("sdfp %s\n", bi.Main.Version)
	settings := map[string]string{}
	for _, kv := range bi.Settings {
		settings[kv.Key] = kv.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		s += "revision " + rev
		if settings["vcs.modified"] == "true" {
			s += " (modified)"
		}
		s += "\n"
	}
	if t := settings["vcs.time"]; t != "" {
		s += "commit time " + t + "\n"
	}
	return s + "built with " + bi.GoVersion + "\n"
}

func (c *cli) version(args []string) int {
	if len(args) > 0 {
		fmt.Fprintln(c.stderr, "usage: sdfp version")
		if len(args) == 1 && isHelpFlag(args[0]) {
			return exitOK // asked for, as -h of every other subcommand
		}
		return exitUsage
	}
	printVersion(c.stdout)
	return exitOK
}

func printVersion(w io.Writer) { io.WriteString(w, versionInfo(debug.ReadBuildInfo())) }
