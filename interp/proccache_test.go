package interp

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/afero"

	"sdfp/parser/catalog"
)

// sharedMain and sharedSub exercise what a run prepares for the commands
// of its tree: command plans and unboxed integers in loops, string and
// builtin sites, FOR over a list, structure elements, & replacement (of
// a literal, of a composed name, of a whole command), EXECUTE-CMD, a
// called and an included procedure with parameters, recursion, error
// handlers, a command whose syntax error waits until it is reached, and
// GOTO.
const sharedMain = `/DECLARE-VARIABLE L(TYPE=*INTEGER),MULTIPLE-ELEMENTS=*LIST
/DECLARE-VARIABLE ST(TYPE=*STRUCTURE(*DYNAMIC))
/ST.A = 1
/ST.B = 'BEE'
/I = 0
/N = 0
/S = ''
/WHILE (I < 200)
/  I = I + 1
/  N = N + I * 2 - 1
/  S = SUBSTRING('ABCDEFGHIJ', 1 + I MOD 10, 1) // S
/  IF (LENGTH(S) > 20)
/    S = SUBSTRING(S, 1, 10)
/  END-IF
/  IF (I MOD 50 = 0)
/    L = I, WRITE-MODE=*EXTEND
/    V&I = I + INDEX(S, 'A')
/    ST.A = ST.A + V&I
/    WRITE-TEXT 'PASS &I N=&N'
/  END-IF
/END-WHILE
/FOR E = *LIST(L)
/  WRITE-TEXT 'ELEMENT &E'
/END-FOR
/CMD = 'WRITE-TEXT ''BUILT &(ST.A) &(ST.B)'''
/&CMD
/DECLARE-VARIABLE OUT(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/EXEC-CMD (SHOW-VARIABLE N),TEXT-OUTPUT=OUT
/WRITE-TEXT 'SHOWN: &(OUT#1)'
/CALL-PROCEDURE SUB.PROC,PROCEDURE-PARAMETERS=(DEPTH=3,WHO='MAIN')
/INCLUDE-PROCEDURE SUB.PROC,PROCEDURE-PARAMETERS=(DEPTH=1,WHO='INCLUDED')
/WRITE-TEXT 'ST.A=&(ST.A) S=&S'
/NO-SUCH-COMMAND-HERE X=1
/IF-CMD-ERROR
/  WRITE-TEXT 'HANDLED &(MAINCODE())'
/END-IF
/WRITE-TEXT X=
/IF-CMD-ERROR
/  WRITE-TEXT 'SYNTAX ERROR HANDLED'
/END-IF
/GOTO END
/WRITE-TEXT 'NOT REACHED'
/END: WRITE-TEXT 'END'
`

const sharedSub = `/BEGIN-PARAMETER-DECLARATION
/DECLARE-PARAMETER DEPTH(1,*INTEGER)
/DECLARE-PARAMETER WHO(*NONE,*STRING)
/END-PARAMETER-DECLARATION
/K = 0
/WHILE (K < DEPTH * 10)
/  K = K + 1
/END-WHILE
/WRITE-TEXT '&WHO AT DEPTH &DEPTH: K=&K'
/IF (DEPTH > 1)
/  D = DEPTH - 1
/  CALL-PROCEDURE SUB.PROC,PROCEDURE-PARAMETERS=(DEPTH=&D,WHO='&WHO')
/END-IF
`

func sharedFS(t testing.TB, main string) afero.Fs {
	fs := afero.NewMemMapFs()
	for name, text := range map[string]string{"main.proc": main, "sub.proc": sharedSub} {
		if err := afero.WriteFile(fs, name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func runShared(fs afero.Fs, opts ...Option) (string, Result) {
	var out bytes.Buffer
	r := New(append([]Option{WithFS(fs), WithStdout(&out)}, opts...)...)
	res := r.RunFile(context.Background(), "main.proc", nil)
	return out.String(), res
}

// TestSharedTreeConcurrentRuns runs one procedure (and the one it calls)
// on many goroutines at once from one ProcedureCache, as the scenarios of
// `sdfp explore` do: every run shares the trees parsed once, and each
// prints what a run that parsed the files itself prints, on the fast
// paths and on the reference ones. Under `go test -race` it shows that
// no run writes into the shared tree (lazy fields, caches, slots).
func TestSharedTreeConcurrentRuns(t *testing.T) {
	fs := sharedFS(t, sharedMain)
	cat := catalog.Builtin()
	for _, direct := range []bool{true, false} {
		t.Run(fmt.Sprintf("direct=%v", direct), func(t *testing.T) {
			want, wantRes := runShared(fs, WithDirectEval(direct))
			if wantRes.Err != nil || len(want) < 200 {
				t.Fatalf("the run without a cache: %v\n%s", wantRes.Err, want)
			}
			cache := NewProcedureCache()
			const runs = 16
			outs := make([]string, runs)
			results := make([]Result, runs)
			var wg sync.WaitGroup
			for i := range runs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					outs[i], results[i] = runShared(fs, WithDirectEval(direct), WithCatalog(cat), WithProcedureCache(cache))
				}()
			}
			wg.Wait()
			for i := range runs {
				if outs[i] != want {
					t.Errorf("run %d printed\n%s\nwant\n%s", i, outs[i], want)
				}
				if results[i].RC != wantRes.RC || results[i].Steps != wantRes.Steps || (results[i].Err == nil) != (wantRes.Err == nil) {
					t.Errorf("run %d ended %+v, want %+v", i, results[i], wantRes)
				}
			}
			if n := cache.Parses(); n != 2 {
				t.Errorf("%d files parsed for %d runs, want 2 (main.proc, sub.proc)", n, runs)
			}
			if len(cache.cmds) != 1 {
				t.Errorf("%d EXECUTE-CMD commands kept, want 1 (SHOW-VARIABLE N)", len(cache.cmds))
			}
		})
	}
}

// A cache answers with a tree only for the same bytes, name, catalog
// and limits: a file that changed between runs is parsed again, a syntax
// error in it stops the run as without a cache, and so does strict
// analysis of a tree the cache kept.
func TestProcedureCacheNeverStale(t *testing.T) {
	cache := NewProcedureCache()
	cat := catalog.Builtin()
	fs := afero.NewMemMapFs()
	run := func(text string, opts ...Option) (string, Result) {
		t.Helper()
		if err := afero.WriteFile(fs, "main.proc", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return runShared(fs, append([]Option{WithCatalog(cat), WithProcedureCache(cache)}, opts...)...)
	}
	if out, _ := run("/WRITE-TEXT 'ONE'\n"); out != "ONE\n" {
		t.Errorf("first text: %q", out)
	}
	if out, _ := run("/WRITE-TEXT 'TWO'\n"); out != "TWO\n" {
		t.Errorf("changed text: %q, want the new one", out)
	}
	if out, _ := run("/WRITE-TEXT 'ONE'\n"); out != "ONE\n" || cache.Parses() != 2 {
		t.Errorf("first text again: %q, %d parses (want 2: the tree kept)", out, cache.Parses())
	}
	// a command with a syntax error waits until it is reached; strict
	// analysis refuses it before the run, from the same kept tree
	const bad = "/WRITE-TEXT 'BEFORE'\n/WRITE-TEXT X=\n"
	out, res := run(bad)
	if !strings.HasPrefix(out, "BEFORE\n") || res.Err == nil {
		t.Errorf("lenient: %q, %v", out, res.Err)
	}
	for range 2 {
		out, res = run(bad, WithStrictAnalysis(true))
		if out != "" || res.Err == nil {
			t.Errorf("strict: %q, %v (want no command run)", out, res.Err)
		}
	}
	if out, res = run(bad); !strings.HasPrefix(out, "BEFORE\n") || res.Err == nil || cache.Parses() != 3 {
		t.Errorf("lenient again: %q, %v, %d parses", out, res.Err, cache.Parses())
	}
	// another catalog (another installation's): another parse
	run(bad, WithCatalog(catalog.Builtin()))
	if cache.Parses() != 4 {
		t.Errorf("%d parses after a run with another catalog, want 4", cache.Parses())
	}
	// the same text under another name is another file (positions)
	afero.WriteFile(fs, "other.proc", []byte(bad), 0o644)
	r := New(WithFS(fs), WithCatalog(cat), WithProcedureCache(cache))
	if res := r.RunFile(context.Background(), "other.proc", nil); res.Err == nil || res.Err.Pos.Filename != "other.proc" || cache.Parses() != 5 {
		t.Errorf("other.proc: %v at %v, %d parses", res.Err, res.Err.Pos, cache.Parses())
	}
}

// Catalog hands out one catalog per key, built once.
func TestProcedureCacheCatalog(t *testing.T) {
	cache := NewProcedureCache()
	builds := 0
	build := func() *catalog.Catalog { builds++; return catalog.Builtin() }
	a, b, c := cache.Catalog("", build), cache.Catalog("", build), cache.Catalog("site", build)
	if a != b || a == c || builds != 2 {
		t.Errorf("same key: %v, other key: %v, %d builds", a == b, a != c, builds)
	}
}

// BenchmarkCallLoop: 1,000 CALL-PROCEDUREs of sub.proc (the procedure
// of TestSharedTreeConcurrentRuns, 13 lines) in a loop, each reading the
// file again, parsed at every call or once (a ProcedureCache, which
// `sdfp run` does not give its runner yet: go test ./interp -run '^$'
// -bench CallLoop).
func BenchmarkCallLoop(b *testing.B) {
	const main = `/I = 0
/WHILE (I < 1000)
/  I = I + 1
/  CALL-PROCEDURE SUB.PROC,PROCEDURE-PARAMETERS=(DEPTH=1,WHO='LOOP')
/END-WHILE
`
	fs := sharedFS(b, main)
	for _, cached := range []bool{false, true} {
		b.Run(fmt.Sprintf("cache=%v", cached), func(b *testing.B) {
			for b.Loop() {
				opts := []Option{WithFS(fs)}
				if cached {
					opts = append(opts, WithProcedureCache(NewProcedureCache()))
				}
				if res := New(opts...).RunFile(context.Background(), "main.proc", nil); res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}

// A full cache still parses what it cannot keep, at every load.
func TestProcedureCacheFull(t *testing.T) {
	cache := NewProcedureCache()
	cache.bytes = maxCachedSource
	fs := sharedFS(t, sharedMain)
	want, _ := runShared(fs)
	for i := 1; i <= 2; i++ {
		if out, _ := runShared(fs, WithProcedureCache(cache)); out != want {
			t.Errorf("run %d printed\n%s\nwant\n%s", i, out, want)
		}
		if n := cache.Parses(); n != 5*i || len(cache.procs) != 0 {
			t.Errorf("run %d: %d parses, %d kept; want %d, 0", i, n, len(cache.procs), 5*i)
		}
	}
}
