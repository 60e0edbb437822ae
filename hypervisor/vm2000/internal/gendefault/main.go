// Command gendefault writes default_literal.go of package vm2000: the
// default installation, default.yaml, as Go code (see package
// defaultlit). It is run by
//
//	go generate ./hypervisor/vm2000
//
// and writes into the package directory; -o names another file.
package main

import (
	"flag"
	"log"
	"os"

	"sdfp/hypervisor/vm2000/internal/defaultlit"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gendefault: ")
	out := flag.String("o", "", "the file to write (default default_literal.go, when run by go generate in package vm2000)")
	flag.Parse()
	if *out == "" {
		// go generate runs us in the package directory; anywhere else
		// the default name would put the file in the wrong place.
		if os.Getenv("GOPACKAGE") != "vm2000" {
			log.Fatal("run by go generate ./hypervisor/vm2000, or name the file with -o")
		}
		*out = "default_literal.go"
	}
	src, err := defaultlit.Source()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
