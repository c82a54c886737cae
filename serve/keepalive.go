package serve

import (
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// keepAlive is sshd's ClientAliveInterval and ClientAliveCountMax: every
// interval the client is asked to answer, and a connection that leaves
// CountMax questions in a row unanswered is closed. Any answer counts,
// OpenSSH's "request failed" included: it proves the peer is there. So a
// viewer who only watches stays as long as their ssh runs, and a peer
// that vanished without closing (a laptop lid, a dropped network) is
// closed within interval × (CountMax+1).
func (c *connection) keepAlive(conn *gossh.ServerConn) {
	every, most := c.srv.cfg.ClientAliveInterval, c.srv.cfg.ClientAliveCountMax
	if every <= 0 {
		return
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	answered := make(chan struct{}, 1)
	waiting, missed := false, 0
	for {
		select {
		case <-c.closed:
			return
		case <-answered:
			waiting, missed = false, 0
		case <-tick.C:
			if waiting {
				// The question is still out (its write may even be stuck
				// behind a full window); only one is ever asked at a time.
				if missed++; missed >= most {
					c.srv.log.Info("closing unresponsive connection", "remote", c.remote, "user", c.user,
						"unanswered", missed, "interval", every)
					c.raw.Close()
					return
				}
				continue
			}
			waiting = true
			go func() {
				// SendRequest returns when the answer comes or the
				// connection closes, whichever is first.
				if _, _, err := conn.SendRequest("keepalive@openssh.com", true, nil); err == nil {
					answered <- struct{}{}
				}
			}()
		}
	}
}
