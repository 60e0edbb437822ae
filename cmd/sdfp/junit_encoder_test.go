package main

import (
	"bytes"
	"encoding/xml"
	"math/rand/v2"
	"testing"
)

// refSuite is the report as encoding/xml marshals it: the suite's fields
// under the element name testsuite.
type refSuite struct {
	XMLName xml.Name `xml:"testsuite"`
	junitSuite
}

// TestJUnitAgainstEncoder: the report's writer writes what
// xml.MarshalIndent(s, "", "  ") writes, byte for byte, for reports with
// every field set at random: markup characters, tabs and line ends,
// characters XML does not allow and bytes that are no UTF-8 in the
// attributes and the text, "]]>" in the failure texts, cases with an
// error, a failure, both or neither, and none at all.
func TestJUnitAgainstEncoder(t *testing.T) {
	strs := []string{"", "sdfp", "a/b.txtar", `q"a'p&l<g>`, "tab\tnl\nr\r", "\x00\x01\x1f", "\uFFFE\uFFFF", "\xff\xfe", "\uFFFD",
		"ü€😀", "]]>", "a]]>b]]]>c]]", "<![CDATA[x]]>", "\ud7ff\ue000", "--- want\n+++ got\n@@ -1 +1 @@\n-a\n+b"}
	rng := rand.New(rand.NewPCG(7, 8))
	str := func() string {
		if rng.IntN(4) == 0 {
			b := make([]byte, rng.IntN(10))
			for i := range b {
				b[i] = byte(rng.IntN(256))
			}
			return string(b)
		}
		return strs[rng.IntN(len(strs))] + strs[rng.IntN(len(strs))]
	}
	problem := func() *junitProblem {
		if rng.IntN(3) != 0 {
			return nil
		}
		return &junitProblem{Message: str(), Type: str(), Text: str()}
	}
	for i := range 5000 {
		s := junitSuite{Name: str(), Timestamp: str(), Hostname: str(), Tests: rng.IntN(1000) - 1, Failures: rng.IntN(100),
			Errors: rng.IntN(100), Time: str(), SystemOut: str(), SystemErr: str()}
		if i == 0 {
			s = junitSuite{}
		}
		for range rng.IntN(4) {
			s.Cases = append(s.Cases, junitCase{Name: str(), Class: str(), Time: str(), File: str(), Line: rng.IntN(500) - 5,
				Error: problem(), Failure: problem()})
		}
		want, err := xml.MarshalIndent(refSuite{junitSuite: s}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := marshalJUnit(s); !bytes.Equal(got, want) {
			t.Fatalf("%+v:\nmarshalJUnit wrote\n%s\nencoding/xml\n%s", s, got, want)
		}
	}
	if xmlHeader != xml.Header {
		t.Fatalf("xmlHeader %q, encoding/xml's Header %q", xmlHeader, xml.Header)
	}
}
