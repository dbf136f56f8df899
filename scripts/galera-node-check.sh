#!/bin/sh
# HAProxy's health check of one Galera node (scripts/cluster.mjs writes the configuration that runs it).
# A node passes only while it is Synced (wsrep_local_state 4) and ready for queries (wsrep_ready ON):
# not while it joins or receives a state transfer, serves as a donor, or has lost the primary
# component. A TCP check passes all of those, and the clients sent there meet error 1047.
# HAProxy calls it with: <proxy address> <proxy port> <server address> <server port>.
# In production the same query runs as a monitoring user with a password (a ~/.my.cnf of HAProxy's user).
status=$(mariadb --no-defaults --connect-timeout=1 -h "$3" -P "$4" -u root -N -B \
  -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state', 'wsrep_ready')" 2>/dev/null) || exit 1
printf '%s\n' "$status" | grep -q '^wsrep_local_state[[:space:]]4$' || exit 1
printf '%s\n' "$status" | grep -q '^wsrep_ready[[:space:]]ON$'
