package builtins

import (
	"strconv"
	"strings"
)

// Structures: the value of an operand of an SDF structure string, and a
// complex variable written as an SDF string.

var fnSDFStructureValue = &Function{
	Name: "SDF-STRUCTURE-VALUE", Result: TypeString,
	Source: "V UG-329 (format, errors; abbreviation of operand names and the values returned: I, the page's example is cut off)",
	Help: "The value of one operand of the SDF structure STRING (checked as IS-SDF-STRUCTURE checks it): " +
		"OPERAND-NAME names the operand (an abbreviation will do while it is unique) or gives its position; *ROOT " +
		"selects the structure itself. Only the level in the outer parentheses is searched. ATTACHED-STRUCTURE=*NO " +
		"leaves off the parenthesized operands of a value that is a structure itself, giving only the value that " +
		"introduces it. Errors: SDP0460 no structure, SDP0461 position below 1, SDP0462 no operand name, " +
		"SDP0463 no such operand, SDP0464 ambiguous name, SDP0465 a BOOLEAN OPERAND-NAME.",
	Params: []Param{
		{Name: "STRING", Type: TypeString},
		{Name: "OPERAND-NAME", Keywords: []string{"*ROOT"}, Default: Keyword("*ROOT")},
		{Name: "ATTACHED-STRUCTURE", Keywords: []string{"*YES", "*NO"}, NoValue: true, Default: Keyword("*YES")},
	},
	Impl: func(env Env, a []any) (any, error) {
		s := strings.Trim(a[0].(string), " ")
		if !isSDFStructure(s) {
			return nil, notAStructure.err()
		}
		attached := a[2] == Keyword("*YES")
		open := strings.IndexByte(s, '(')
		if a[1] == Keyword("*ROOT") {
			if attached {
				return s, nil
			}
			return s[:open], nil
		}
		operands, _ := SplitTopLevel(s[open+1 : len(s)-1])
		if len(operands) == 1 && strings.Trim(operands[0], " ") == "" {
			operands = nil
		}
		var value string
		switch sel := a[1].(type) {
		case bool:
			return nil, booleanOperand.err()
		case int:
			if sel < 1 {
				return nil, operandPositionNotPositive.err()
			}
			if sel > len(operands) {
				return nil, operandUnknown.err(strconv.Itoa(sel))
			}
			value = operandValue(operands[sel-1])
		case string:
			name := strings.ToUpper(strings.Trim(sel, " "))
			if len(name) > 30 || !validPartName(name) {
				return nil, notAStructuredName.err(sel)
			}
			found, err := findOperand(operands, name)
			if err != nil {
				return nil, err
			}
			value = found
		}
		if !attached && isSDFStructure(value) {
			value = value[:strings.IndexByte(value, '(')]
		}
		return value, nil
	},
}

// operandValue is the value of an operand written NAME=value or, as a
// positional operand, the whole text; blanks around it removed.
func operandValue(op string) string {
	op = strings.Trim(op, " ")
	if eq := topLevelEquals(op); eq >= 0 {
		return strings.Trim(op[eq+1:], " ")
	}
	return op
}

// findOperand finds the keyword operand that name names: its full name,
// else the one operand name it abbreviates, as SDF abbreviates operand
// names [I: the manual's rule for command operands].
func findOperand(operands []string, name string) (string, error) {
	var hits []string
	for _, op := range operands {
		op = strings.Trim(op, " ")
		eq := topLevelEquals(op)
		if eq < 0 {
			continue
		}
		opName := strings.ToUpper(strings.Trim(op[:eq], " "))
		if opName == name {
			return operandValue(op), nil
		}
		if abbreviates(name, opName) {
			hits = append(hits, operandValue(op))
		}
	}
	switch len(hits) {
	case 0:
		return "", operandUnknown.err(name)
	case 1:
		return hits[0], nil
	}
	return "", operandAmbiguous.err()
}

var fnVariableToString = &Function{
	Name: "VARIABLE-TO-STRING", Result: TypeString,
	Source: "I UG-159 (conversion rules; the function's own page UG-362 is not stored, so its parameter is inferred)",
	Help: "The list or structure variable VARIABLE-NAME written as an SDF string, the inverse of SET-VARIABLE " +
		"...=*STRING-TO-VARIABLE(...): the element SYSOPER first (a command name) followed by a blank, then the " +
		"elements as NAME=value separated by commas; a structure element as its SYSSTRUC value followed by its " +
		"elements in parentheses; a list as its elements in parentheses; elements without a value left out. " +
		"The manual's page of this function is not stored: its parameter is inferred (I).",
	Params: []Param{{Name: "VARIABLE-NAME", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		name, err := variableName(a[0].(string))
		if err != nil {
			return nil, err
		}
		t, ok := variables(env).Tree(name)
		if !ok {
			return nil, notDeclared(name)
		}
		return TreeToString(t), nil
	},
}
