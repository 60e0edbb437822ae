package builtins

// Variable access and test functions. They take a variable *name* as a
// string (IS-DECLARED('A'), not IS-DECLARED(A)) and ask the run's variable
// store through Env.Variables(). Sources: spec §2.5, §4.3, §10.

var fnIsDeclared = &Function{
	Name: "IS-DECLARED", Result: TypeBoolean, Source: "V UG-297",
	Help: "TRUE when a variable of that name is declared. SCOPE=*BY-HIERARCHY looks in the include, procedure and " +
		"(imported) task scopes; *TASK only among task variables; *CALLING-PROCEDURES in the calling procedures " +
		"for a variable declared with IMPORT-ALLOWED=*YES.",
	Params: []Param{
		{Name: "VARIABLE-NAME", Type: TypeString},
		{Name: "SCOPE", Keywords: []string{"*BY-HIERARCHY", "*TASK", "*CALLING-PROCEDURES"}, NoValue: true,
			Default: Keyword("*BY-HIERARCHY")},
	},
	Impl: func(env Env, a []any) (any, error) {
		name, err := variableName(a[0].(string))
		if err != nil {
			return nil, err
		}
		return variables(env).IsDeclared(name, a[1].(Keyword)), nil
	},
}

var fnIsInitialized = &Function{
	Name: "IS-INITIALIZED", Result: TypeBoolean, Source: "V UG-299, CMD-56",
	Help: "TRUE when the variable holds a valid value ('' counts). FALSE when it is not declared, was never given " +
		"a value or was freed. Write a whole list as 'L#' and one element as 'L#n'.",
	Params: []Param{{Name: "VARIABLE-NAME", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		name, err := variableName(a[0].(string))
		if err != nil {
			return nil, err
		}
		return variables(env).IsInitialized(name), nil
	},
}

var fnVariableAttribute = &Function{
	Name: "VARIABLE-ATTRIBUTE", Aliases: []string{"VAR-ATTR"}, Result: TypeString,
	Source: "V UG-361 (values of *MULTIPLE-ELEMENTS and *SCOPE, error for an undeclared name: I)",
	Help: "One declared attribute of a variable as a string: *TYPE ('*ANY', '*STRING', '*INTEGER', '*BOOLEAN', " +
		"'*STRUCTURE'), *CONTAINER, *CONTAINER-NAME, *CONTAINER-SCOPE, *MULTIPLE-ELEMENTS, *SCOPE or " +
		"*STRUCTURE-INFO.",
	Params: []Param{
		{Name: "VARIABLE-NAME", Type: TypeString},
		{Name: "ATTRIBUTE", NoValue: true, Default: Keyword("*TYPE"), Keywords: []string{
			"*TYPE", "*CONTAINER", "*CONTAINER-NAME", "*CONTAINER-SCOPE",
			"*MULTIPLE-ELEMENTS", "*SCOPE", "*STRUCTURE-INFO"}},
	},
	Impl: func(env Env, a []any) (any, error) {
		name, err := variableName(a[0].(string))
		if err != nil {
			return nil, err
		}
		v, ok := variables(env).Attribute(name, a[1].(Keyword))
		if !ok {
			return nil, notDeclared(name)
		}
		return v, nil
	},
}

var fnFirstVariableName = &Function{
	Name: "FIRST-VARIABLE-NAME", Aliases: []string{"FIRST-VAR-NAME"}, Result: TypeString, Source: "V UG-282",
	Help: "Name of the first element of a complex variable ('L' gives 'L#1', a structure its first member), " +
		"or '*END' when it has none, e.g. for a simple variable.",
	Params: []Param{{Name: "VARIABLE-NAME", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		name, err := variableName(a[0].(string))
		if err != nil {
			return nil, err
		}
		return variables(env).FirstName(name), nil
	},
}

var fnNextVariableName = &Function{
	Name: "NEXT-VARIABLE-NAME", Aliases: []string{"NEXT-VAR-NAME"}, Result: TypeString, Source: "V UG-320",
	Help: "Name of the element that follows the given one in its complex variable, skipping the gaps of " +
		"arrays, or '*END' after the last.",
	Params: []Param{{Name: "VARIABLE-NAME", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		name, err := variableName(a[0].(string))
		if err != nil {
			return nil, err
		}
		return variables(env).NextName(name), nil
	},
}

var fnCurrentType = &Function{
	Name: "CURRENT-TYPE", Result: TypeString, Source: "Vn UGde-125 (parameter, result strings and errors: I)",
	Help: "Type of the value a variable holds now, as '*STRING', '*INTEGER' or '*BOOLEAN' ('*ANY' when the " +
		"store cannot tell); useful for variables declared with TYPE=*ANY.",
	Params: []Param{{Name: "VARIABLE-NAME", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		name, err := variableName(a[0].(string))
		if err != nil {
			return nil, err
		}
		t, ok := variables(env).CurrentType(name)
		if !ok {
			return nil, notDeclared(name)
		}
		switch t {
		case TypeString, TypeInteger, TypeBoolean:
			return "*" + t.String(), nil
		}
		return "*ANY", nil
	},
}

var fnSize = &Function{
	Name: "SIZE", Result: TypeInteger,
	Source: "Vn UG-431 (WHILE example SIZE('LIST-A') > 250; parameter name, result and errors: I)",
	Help:   "Number of elements of a list or array variable (0 when it has none).",
	Params: []Param{{Name: "VARIABLE-NAME", Type: TypeString, VariableName: true}},
	Int: func(env Env, a Args) (int, error) {
		name, err := a.VariableName(0)
		if err != nil {
			return 0, err
		}
		n, ok := variables(env).Size(name)
		if !ok {
			return 0, notDeclared(name)
		}
		return n, nil // the interpreter checks the range of an INTEGER result
	},
}

var fnIsVariableName = &Function{
	Name: "IS-VARIABLE-NAME", Aliases: []string{"IS-VAR-NAME"}, Result: TypeBoolean,
	Source: "V UG-306 (reserved words: CMD-51; case folding: I)",
	Help: "TRUE when the string is a syntactically valid variable name: parts of 1..20 characters joined by '.', " +
		"each a letter followed by letters, digits, '@' or '-' (no '--', no '-' at the end) with an optional " +
		"'#index', 255 characters at most, not a reserved word. Whether the variable exists is not checked.",
	Params: []Param{{Name: "STRING", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		return ValidVariableName(a[0].(string)), nil
	},
}

func notDeclared(name string) *Error {
	return variableNotDeclared.err(name)
}

// variables guards against a run without a variable store (e.g. a static
// check): every name is then unknown.
func variables(env Env) VariableInfo {
	if v := env.Variables(); v != nil {
		return v
	}
	return noVariables{}
}

type noVariables struct{}

func (noVariables) IsDeclared(string, Keyword) bool          { return false }
func (noVariables) IsInitialized(string) bool                { return false }
func (noVariables) Attribute(string, Keyword) (string, bool) { return "", false }
func (noVariables) FirstName(string) string                  { return "*END" }
func (noVariables) NextName(string) string                   { return "*END" }
func (noVariables) Size(string) (int, bool)                  { return 0, false }
func (noVariables) CurrentType(string) (Type, bool)          { return TypeAny, false }
func (noVariables) Elements(string) ([]any, bool)            { return nil, false }
func (noVariables) Tree(string) (*Tree, bool)                { return nil, false }
