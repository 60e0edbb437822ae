package builtins

import (
	"fmt"
	"strings"
)

// Command return codes and message texts. Sources: spec §4.3
// "MAINCODE / SUBCODE1 / SUBCODE2", "MSG" and §10.3 (UG-193 overview).
//
// SDP0428 (no return code in dialog) and SDP0435 (information not
// available) cannot arise here: Env.ReturnCode always answers, and the
// interpreter decides what "the last failed command" is.

var fnMaincode = &Function{
	Name: "MAINCODE", Aliases: []string{"MC"}, Result: TypeString, Source: "V UG-317, UG-193",
	Help: "The 7-character message code of the last command that failed, or of the command before " +
		"SAVE-RETURNCODE, e.g. 'SDP0412'; 'CMD0001' when nothing failed.",
	Impl: func(env Env, a []any) (any, error) {
		_, _, mc := env.ReturnCode()
		if mc == "" {
			// [I] No code recorded means no error, whose code is CMD0001.
			mc = "CMD0001"
		}
		return mc, nil
	},
}

var fnSubcode1 = &Function{
	Name: "SUBCODE1", Aliases: []string{"SC1"}, Result: TypeInteger, Source: "V CMD-65, UG-193",
	Help: "The error class (0..255) of the last command that failed; 0 as long as none has failed.",
	Impl: func(env Env, a []any) (any, error) {
		sc1, _, _ := env.ReturnCode()
		return intResult("SUBCODE1", sc1)
	},
}

var fnSubcode2 = &Function{
	Name: "SUBCODE2", Aliases: []string{"SC2"}, Result: TypeInteger, Source: "V UG-339, UG-193",
	Help: "The additional information (0..255) of the last command's return code, e.g. 1 after declaring " +
		"a variable that already exists. Only meaningful when SUBCODE1( ) is not 0.",
	Impl: func(env Env, a []any) (any, error) {
		_, sc2, _ := env.ReturnCode()
		return intResult("SUBCODE2", sc2)
	},
}

// msgInserts is the number of INSERT-nn parameters of MSG (&00..&29).
const msgInserts = 30

var fnMsg = &Function{
	Name: "MSG", Result: TypeString, Source: "V UG-319, CMD-63 (handling of *NONE inserts: I)",
	Help: "Text of a message code (3-character class and 4 characters, e.g. 'SDP0412') with up to 30 inserts " +
		"INSERT-00..INSERT-29 substituted for &00..&29, in LANGUAGE *STD (the run's language), *ENGLISH (*E) " +
		"or *GERMAN (*D); an omitted insert is empty. '' when the message has no text.",
	Params: msgParams(),
	Impl: func(env Env, a []any) (any, error) {
		id := strings.ToUpper(strings.Trim(a[0].(string), " "))
		lang := env.Language()
		switch a[1] {
		case Keyword("*ENGLISH"), Keyword("*E"):
			lang = "E"
		case Keyword("*GERMAN"), Keyword("*D"):
			lang = "D"
		}
		// [I] An omitted insert (*NONE) is empty text.
		inserts := make([]string, msgInserts)
		for i := range inserts {
			inserts[i], _ = a[2+i].(string)
		}
		// MSG-STRUCTURE-OUTPUT=*SYSMSG would also send the message over
		// the SYSMSG stream; the Env offers no stream, so it is ignored.
		text, ok := env.Message(id, lang, inserts)
		if !ok {
			return "", nil
		}
		return text, nil
	},
}

func msgParams() []Param {
	ps := []Param{
		{Name: "MSG-IDENTIFICATION", Type: TypeString},
		{Name: "LANGUAGE", Keywords: []string{"*STD", "*ENGLISH", "*GERMAN", "*E", "*D"}, NoValue: true,
			Default: Keyword("*STD")},
	}
	for i := 0; i < msgInserts; i++ {
		ps = append(ps, Param{Name: fmt.Sprintf("INSERT-%02d", i), Type: TypeString,
			Keywords: []string{"*NONE"}, Default: Keyword("*NONE")})
	}
	return append(ps, Param{Name: "MSG-STRUCTURE-OUTPUT", Keywords: []string{"*NONE", "*SYSMSG"}, NoValue: true,
		Default: Keyword("*NONE")})
}
