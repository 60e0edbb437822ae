package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/term"
)

// abbreviations end in a period without ending a sentence: "e.g. 48h" is
// one sentence. A word with a period inside it (e.g., i.e., z.B., V4.1.)
// is one too.
var abbreviations = map[string]bool{"etc": true, "cf": true, "vs": true, "approx": true, "incl": true, "no": true, "resp": true, "bzw": true, "ca": true, "usw": true}

// firstSentence is the first sentence of a help text: up to a period that
// ends a word which is no abbreviation, followed by a blank and a capital
// letter, a quote or the end.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' || !sentenceEnds(s, i) {
			continue
		}
		return s[:i+1]
	}
	return s
}

// sentenceEnds reports whether the period at s[i] ends a sentence.
func sentenceEnds(s string, i int) bool {
	rest := s[i+1:]
	if rest == "" {
		return true
	}
	if rest[0] != ' ' {
		return false
	}
	next := strings.TrimLeft(rest, " ")
	if next == "" {
		return true
	}
	if r := rune(next[0]); !unicode.IsUpper(r) && r != '\'' && r != '"' && r != '(' {
		return false
	}
	word := s[strings.LastIndexAny(s[:i], " (\n")+1 : i]
	if strings.Contains(word, ".") || abbreviations[strings.ToLower(word)] {
		return false
	}
	return true
}

// helpWidth is the width help text is wrapped to: $COLUMNS, else the
// width of the terminal w is, else 80.
func helpWidth(w io.Writer) int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n >= 20 {
		return n
	}
	if f, ok := w.(*os.File); ok {
		if n, _, err := term.GetSize(int(f.Fd())); err == nil && n >= 20 {
			return n
		}
	}
	return 80
}

// indexLine prints one entry of the help index: name, kind and the
// description wrapped to width under its own column (or, on a narrow
// terminal, on lines of its own).
func indexLine(w io.Writer, width int, name, kind, desc string) {
	head := fmt.Sprintf("  %-30s ", name)
	if kind != "" {
		head = fmt.Sprintf("  %-30s %-7s ", name, kind)
	}
	indent := strings.Repeat(" ", len(head))
	if len(head) > width-20 {
		head, indent = "  "+name+" "+kind+"\n      ", "      "
	}
	fmt.Fprintf(w, "%s%s\n", head, wrapFrom(desc, width-1, indent, len(indent)))
}

// paragraph prints text wrapped to width.
func paragraph(w io.Writer, width int, text string) { fmt.Fprintln(w, wrap(text, width-1, "")) }
