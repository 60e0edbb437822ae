package vm2000

// The installation file is YAML read with github.com/goccy/go-yaml: it is
// actively maintained, reports every syntax, type, duplicate-key and
// unknown-field error with the line and column of the offending token,
// and hands custom unmarshalers the AST node, so our own checks can point
// at the line of a bad value too. gopkg.in/yaml.v3 is no longer
// maintained, and its strict mode reports unknown fields without a column.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// InstallError is one problem of an installation file, at a position.
type InstallError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *InstallError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// InstallErrors are all problems found in an installation file, sorted by
// position.
type InstallErrors []*InstallError

func (es InstallErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// position is a place in the installation file.
type position struct{ line, col int }

// located remembers where a mapping and each of its keys' values stand,
// so semantic checks can report the line of the value they reject.
type located struct {
	node position
	keys map[string]position
}

// of returns the position of a key's value, or of the mapping when the
// key was not written.
func (l located) of(key string) position {
	if p, ok := l.keys[key]; ok {
		return p
	}
	return l.node
}

func positionOf(n ast.Node) position {
	if n == nil || n.GetToken() == nil {
		return position{1, 1}
	}
	p := n.GetToken().Position
	return position{p.Line, p.Column}
}

var strictDecoding = []yaml.DecodeOption{yaml.DisallowUnknownField()}

// decodeLocated decodes a mapping node strictly into dst and records
// the positions of the mapping and its keys' values in at.
func decodeLocated(n ast.Node, dst any, at *located) error {
	if err := yaml.NodeToValue(n, dst, strictDecoding...); err != nil {
		return err
	}
	at.node = positionOf(n)
	if m, ok := n.(*ast.MappingNode); ok {
		at.keys = make(map[string]position, len(m.Values))
		for _, kv := range m.Values {
			if kv.Key != nil {
				at.keys[keyName(kv.Key)] = positionOf(kv.Value)
			}
		}
	}
	return nil
}

// The spec types decode through a method-less copy of themselves (plain)
// so that decodeLocated does not call the method again.

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *Limits) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain Limits
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *Timing) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain Timing
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *MigrationTiming) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain MigrationTiming
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *ReconfigurationTiming) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain ReconfigurationTiming
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *ClusterSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain ClusterSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *ServerUnitSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain ServerUnitSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *MonitorSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain MonitorSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *DeviceSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain DeviceSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *VMSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain VMSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext. A device may be
// written as its bare mnemonic name or as a mapping with its usage.
func (s *VMDeviceSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	if mn, at, bare, err := bareName(n); bare {
		*s = VMDeviceSpec{MN: mn, at: at}
		return err
	}
	type plain VMDeviceSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext. A VM group may
// be written as its bare name or as a mapping with its attributes.
func (s *VMGroupSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	if name, at, bare, err := bareName(n); bare {
		*s = VMGroupSpec{Name: name, at: at}
		return err
	}
	type plain VMGroupSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext. A real CPU may
// be written as its bare ID or as a mapping with its pool and states.
func (s *CPUSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	if id, at, bare, err := bareName(n); bare {
		*s = CPUSpec{ID: id, at: at}
		return err
	}
	type plain CPUSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// bareName decodes an entry written as a bare name instead of a mapping;
// bare is false for a mapping, which the caller decodes itself.
func bareName(n ast.Node) (name string, at located, bare bool, err error) {
	if _, ok := n.(*ast.MappingNode); ok {
		return "", located{}, false, nil
	}
	err = yaml.NodeToValue(n, &name, strictDecoding...)
	return name, located{node: positionOf(n)}, true, err
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *DefinitionSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain DefinitionSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *FaultSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain FaultSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// LoadInstallation reads and checks an installation file. filename is
// used in error messages only. A bad file gives InstallErrors, each
// "file:line:col: message".
func LoadInstallation(filename string, data []byte) (inst *Installation, err error) {
	defer func() {
		// The YAML library is third-party code: should it ever panic on
		// strange input, the run reports a bad file instead of crashing.
		if r := recover(); r != nil {
			inst, err = nil, InstallErrors{{File: filename, Line: 1, Col: 1, Msg: fmt.Sprintf("unreadable installation file: %v", r)}}
		}
	}()
	// a byte order mark is allowed before a YAML stream; the library
	// read it as text ("string was used where mapping is expected")
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if e := checkShape(filename, data); e != nil {
		return nil, InstallErrors{e}
	}
	file, perr := parser.ParseBytes(data, 0)
	if perr != nil {
		return nil, InstallErrors{yamlError(filename, perr)}
	}
	// an empty file's problems (no server units) are the file's: 1:1
	inst = &Installation{at: located{node: position{1, 1}}}
	if len(file.Docs) > 1 {
		at := positionOf(file.Docs[1])
		if start := file.Docs[1].Start; start != nil {
			at = position{start.Position.Line, start.Position.Column}
		}
		return nil, InstallErrors{{File: filename, Line: at.line, Col: at.col, Msg: "only one YAML document allowed"}}
	}
	if len(file.Docs) == 1 && file.Docs[0].Body != nil {
		body := file.Docs[0].Body
		if errs := checkValues(filename, body); len(errs) > 0 {
			return nil, sorted(errs)
		}
		type plain Installation
		if derr := decodeLocated(body, (*plain)(inst), &inst.at); derr != nil {
			return nil, InstallErrors{yamlError(filename, derr)}
		}
	}
	inst.File = filename
	if errs := inst.check(); len(errs) > 0 {
		return nil, sorted(errs)
	}
	return inst, nil
}

// sorted returns errs sorted by position.
func sorted(errs InstallErrors) InstallErrors {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Col < errs[j].Col
	})
	return errs
}

// yamlError turns an error of the YAML library into an InstallError with
// the position of the token it names.
func yamlError(file string, err error) *InstallError {
	var te *yaml.TypeError
	if errors.As(err, &te) && te.Token != nil {
		p := te.Token.Position
		return &InstallError{File: file, Line: p.Line, Col: p.Column,
			Msg: fmt.Sprintf("%q is not %s", te.Token.Value, typeName(te.DstType))}
	}
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		return &InstallError{File: file, Line: p.Line, Col: p.Column, Msg: ye.GetMessage()}
	}
	return &InstallError{File: file, Line: 1, Col: 1, Msg: err.Error()}
}

// typeName says in words what a field of the installation takes.
func typeName(t reflect.Type) string {
	if t == nil {
		return "valid here"
	}
	if t == reflect.TypeOf(time.Duration(0)) {
		return "a duration such as 2s or 300ms"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "a mapping"
	}
	return "a " + t.String()
}
