package golit

import (
	"flag"
	"log"
	"os"
)

// Generate is the main function of a go:generate program that writes one
// generated file of package pkg: file by default, when go generate runs
// it in that package's directory (anywhere else the default name would
// put the file in the wrong place), or the file named with -o.
func Generate(pkg, file string, source func() ([]byte, error)) {
	log.SetFlags(0)
	log.SetPrefix("generate " + file + ": ")
	out := flag.String("o", "", "the file to write (default "+file+", when run by go generate in package "+pkg+")")
	flag.Parse()
	if *out == "" {
		if os.Getenv("GOPACKAGE") != pkg {
			log.Fatal("run by go generate in package " + pkg + ", or name the file with -o")
		}
		*out = file
	}
	src, err := source()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
