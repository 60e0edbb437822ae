package main

import "sdfp/cmd/internal/golden"

// selection is which cases sdfp test runs: -run and -skip by name, then
// --shard's share of what they leave.
type selection struct {
	filter *golden.Filter
	shard  golden.Shard
}

func parseSelection(run, skip, shard string) (selection, error) {
	f, err := golden.NewFilter(run, skip)
	if err != nil {
		return selection{}, err
	}
	sel := selection{filter: f, shard: golden.Shard{Index: 1, Count: 1}}
	if shard != "" {
		if sel.shard, err = golden.ParseShard(shard); err != nil {
			return selection{}, err
		}
	}
	return sel, nil
}

func (s selection) of(cases []*golden.Case) []*golden.Case {
	return s.shard.Of(s.filter.Select(cases))
}
