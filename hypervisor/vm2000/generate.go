package vm2000

// default_literal.go is default.yaml as Go code (see defaultLiteral),
// generated anew after a change to default.yaml or to the installation
// types by
//
//go:generate go run ./internal/gendefault
