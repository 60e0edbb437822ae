//go:build race

package golden

const raceEnabled = true
