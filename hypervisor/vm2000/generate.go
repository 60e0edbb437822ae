package vm2000

// default_literal.go is default.yaml as Go code (see defaultLiteral), and
// default_state.go the state of a model of it that nothing has changed
// (see DefaultState), generated anew after a change to default.yaml, to
// the installation types or to the model by
//
//go:generate go run ./internal/gendefault
//go:generate go run ./internal/genstate
