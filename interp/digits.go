package interp

import "strconv"

// digitPairs holds the two decimal digits of each number below 100, at
// twice the number.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// appendInt appends the decimal digits of n, as strconv.AppendInt does:
// a loop's counter in the text of a command (WRITE-TEXT 'PASS &I') is
// replaced at every pass, and strconv's way, through two calls and a
// buffer of its own, took about 120 instructions of the statement's 350
// (this, about 80). Two digits a step, into the end of a small array.
func appendInt(b []byte, n int64) []byte {
	if n < 0 || n >= 1e8 {
		return strconv.AppendInt(b, n, 10)
	}
	var buf [8]byte
	i := uint(len(buf))
	u := uint(n)
	for u >= 100 {
		d := (u % 100) * 2
		u /= 100
		i -= 2
		// the masks tell the compiler the indexes are in range
		buf[i&7], buf[(i+1)&7] = digitPairs[d%200], digitPairs[(d+1)%200]
	}
	if u >= 10 {
		i -= 2
		buf[i&7], buf[(i+1)&7] = digitPairs[u*2%200], digitPairs[(u*2+1)%200]
	} else {
		i--
		buf[i&7] = byte('0' + u)
	}
	return append(b, buf[i&7:]...)
}
