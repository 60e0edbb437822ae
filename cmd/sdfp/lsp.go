package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"sdfp/cmd/internal/lsp"
	"sdfp/parser/catalog"
	"sdfp/parser/format"
)

// lsp serves the Language Server Protocol on stdin and stdout until the
// client exits.
func (c *cli) lsp(args []string) int {
	fs := flag.NewFlagSet("sdfp lsp", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	instFile := fs.String("installation", "", "installation file whose site commands the procedures may use")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp lsp [--installation FILE]")
		fmt.Fprintln(c.stderr, "A language server (LSP) on stdin and stdout, for editors: diagnostics as")
		fmt.Fprintln(c.stderr, "sdfp check reports them, hover, completion, definitions, references,")
		fmt.Fprintln(c.stderr, "symbols, folding and signature help. A client may name an installation")
		fmt.Fprintln(c.stderr, "in its initializationOptions: {\"installation\": \"site.yaml\"}.")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	inst, err := installation(*instFile)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp lsp: %v\n", err)
		return exitUsage
	}
	cat := catalogFor(inst)
	opts := lsp.Options{
		Catalog: cat,
		// formatting is sdfp fmt's canonical form (abbreviations kept, so
		// the catalog only tells the commands apart)
		Format: func(file, src string) (string, error) {
			return format.Source(file, src, format.Options{Catalog: cat})
		},
		Installation: func(file string) (*catalog.Catalog, error) {
			inst, err := installation(file)
			if err != nil {
				return nil, err
			}
			return catalogFor(inst), nil
		},
	}
	debug.SetGCPercent(lsp.GCPercent)
	lsp.Serve(context.Background(), stdio{c.stdin, c.stdout}, opts)
	return exitOK
}

// stdio joins the standard input and output into the stream LSP runs on.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
