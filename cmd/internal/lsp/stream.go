package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// tolerantStream is jsonrpc2's buffered stream with LSP's framing
// (Content-Length headers, read here, written by jsonrpc2's codec),
// except that a message whose body is not JSON, or not a JSON-RPC
// message, gets an error response (parse error -32700, invalid request
// -32600, as JSON-RPC 2.0 says) and the server reads on: jsonrpc2's own
// stream ended the connection, and with it the editor's language server,
// at one bad message. A broken header still ends it, as the next message
// cannot be found.
type tolerantStream struct {
	conn  io.Closer
	r     *bufio.Reader
	mu    sync.Mutex // WriteObject's: replies and error responses interleave
	w     *bufio.Writer
	codec jsonrpc2.VSCodeObjectCodec
}

func newTolerantStream(conn io.ReadWriteCloser) *tolerantStream {
	return &tolerantStream{conn: conn, r: bufio.NewReader(conn), w: bufio.NewWriter(conn)}
}

func (s *tolerantStream) WriteObject(obj any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.codec.WriteObject(s.w, obj); err != nil {
		return err
	}
	return s.w.Flush()
}

func (s *tolerantStream) ReadObject(v any) error {
	for {
		body, err := readFrame(s.r)
		if err != nil {
			return err
		}
		if !json.Valid(body) {
			if err := s.reject(jsonrpc2.CodeParseError, "parse error: the message is not JSON"); err != nil {
				return err
			}
			continue
		}
		if err := json.Unmarshal(body, v); err != nil {
			if err := s.reject(jsonrpc2.CodeInvalidRequest, "invalid request: "+err.Error()); err != nil {
				return err
			}
			continue
		}
		return nil
	}
}

// maxFrame bounds one message's body (a whole procedure's text in a
// didOpen is far less).
const maxFrame = 256 << 20

// readFrame reads one message's body: headers up to an empty line, then
// exactly Content-Length bytes, so that a body that is not JSON leaves
// the stream at the next message (jsonrpc2's codec decodes straight
// from the stream and may stop inside the body).
func readFrame(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 || n > maxFrame {
				return nil, fmt.Errorf("lsp: bad Content-Length header %q", line)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("lsp: a message without a Content-Length header")
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return body, nil
}

// reject answers a message that could not be read; it has no id that
// could be read, so the response's is null.
func (s *tolerantStream) reject(code int64, message string) error {
	return s.WriteObject(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      *int            `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", nil, &jsonrpc2.Error{Code: code, Message: message}})
}

func (s *tolerantStream) Close() error { return s.conn.Close() }
