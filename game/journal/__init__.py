"""The choice log: every meaningful event of a play session, kept in one SQLite file.

`schema` owns the tables and their migrations, `store` opens the file safely,
`writer` records a session's events, `transfer` moves a pupil's log between
machines and `xapi` turns it into statements a learning platform can read.
"""
