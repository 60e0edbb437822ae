// Command gencatalog writes operands_literal.go of package catalog: the
// built-in commands' operand declarations, parsed from the declaration
// tables, as Go values (see package operandslit). It is run by
//
//	go generate ./parser/catalog
//
// and writes into the package directory; -o names another file.
package main

import (
	"flag"
	"log"
	"os"

	"sdfp/parser/catalog/internal/operandslit"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gencatalog: ")
	out := flag.String("o", "", "the file to write (default operands_literal.go, when run by go generate in package catalog)")
	flag.Parse()
	if *out == "" {
		// go generate runs us in the package directory; anywhere else
		// the default name would put the file in the wrong place.
		if os.Getenv("GOPACKAGE") != "catalog" {
			log.Fatal("run by go generate ./parser/catalog, or name the file with -o")
		}
		*out = "operands_literal.go"
	}
	src, err := operandslit.Source()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
