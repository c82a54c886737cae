package serve

import (
	"errors"
	"flag"
	"fmt"
)

// Register adds kmdash serve's flags to fs, each defaulting to what c
// holds (Defaults, for the command).
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.Listen, "listen", c.Listen, "")
	fs.StringVar(&c.HostKey, "host-key", c.HostKey, "")
	fs.BoolVar(&c.NewHostKey, "new-host-key", c.NewHostKey, "")
	fs.StringVar(&c.AuthorizedKeys, "authorized-keys", c.AuthorizedKeys, "")
	fs.StringVar(&c.PresenterKeys, "presenter-keys", c.PresenterKeys, "")
	fs.IntVar(&c.MaxSessions, "max-sessions", c.MaxSessions, "")
	fs.IntVar(&c.SessionsPerConnection, "sessions-per-connection", c.SessionsPerConnection, "")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", c.IdleTimeout, "")
	fs.DurationVar(&c.ClientAliveInterval, "client-alive-interval", c.ClientAliveInterval, "")
	fs.IntVar(&c.ClientAliveCountMax, "client-alive-count-max", c.ClientAliveCountMax, "")
	fs.DurationVar(&c.LoginGraceTime, "login-grace-time", c.LoginGraceTime, "")
	fs.Var(&c.MaxStartups, "max-startups", "")
	fs.IntVar(&c.PerSourceMaxStartups, "per-source-max-startups", c.PerSourceMaxStartups, "")
	fs.Var(&c.PerSourcePenalties, "per-source-penalties", "")
	fs.Var(&c.PerSourceNetblock, "per-source-netblock", "")
	fs.Var(&c.PenaltyExempt, "per-source-penalty-exempt", "")
}

// Check refuses a configuration no server could run with.
func (cfg Config) Check() error {
	switch {
	case cfg.Pack == nil:
		return errors.New("serve: no data pack")
	case cfg.MaxSessions < 1:
		return fmt.Errorf("--max-sessions %d: want at least 1", cfg.MaxSessions)
	case cfg.SessionsPerConnection < 1:
		return fmt.Errorf("--sessions-per-connection %d: want at least 1", cfg.SessionsPerConnection)
	case cfg.IdleTimeout <= 0:
		return fmt.Errorf("--idle-timeout %s: want a positive duration such as 5m", cfg.IdleTimeout)
	case cfg.LoginGraceTime <= 0:
		return fmt.Errorf("--login-grace-time %s: want a positive duration such as 2m", cfg.LoginGraceTime)
	case cfg.ClientAliveInterval < 0 || cfg.ClientAliveCountMax < 1:
		return fmt.Errorf("--client-alive-interval %s, --client-alive-count-max %d: want a duration (0 turns keepalives off) and at least 1",
			cfg.ClientAliveInterval, cfg.ClientAliveCountMax)
	case cfg.MaxStartups.Start < 1 || cfg.MaxStartups.Full < cfg.MaxStartups.Start:
		return fmt.Errorf("--max-startups %s: want start:rate:full with 0 < start ≤ full", cfg.MaxStartups)
	case cfg.PerSourceMaxStartups < 0:
		return fmt.Errorf("--per-source-max-startups %d: want 0 (no limit) or more", cfg.PerSourceMaxStartups)
	}
	return nil
}
