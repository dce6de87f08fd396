#pragma once

#include "sandbox/sandbox.h"

#include <QString>

/** Until the setup engine is used by the monitoring tests: makes a running sandbox pair replicate
 *  master-master by hand (drop-in config, restart, replication user, CHANGE MASTER, START SLAVE). */
bool startSandboxReplication(Sandbox& sandbox, QString* error);

/** The value of one column of SHOW SLAVE STATUS on server @p index, empty when there is no row. */
QString sandboxReplicaField(Sandbox& sandbox, int index, const QString& column);

/** Waits until both threads run on both servers. */
bool waitForSandboxReplication(Sandbox& sandbox, int timeoutMs, QString* error);
