"""`amend serve`: the secretary's workbench, a local web application on a repository folder.

A thin edge over the core, like cli.py: `server` speaks HTTP (standard library
ThreadingHTTPServer, token, cookie, CSRF), `app` routes a request to a page,
`jobs` calls the core functions (history, extract, check, apply) and
`pages` groups a program version's blocks by the proposal's pages for the
templates. No logic of the core is repeated here; every text comes from the
message catalogue (amend/messages/web.py) in Swedish or English.
"""
