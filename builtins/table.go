package builtins

// Default is the table of every builtin function sdfp implements.
var Default = NewTable(
	fnLength,
	fnSubstring,
)
