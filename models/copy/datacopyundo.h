#pragma once

#include "copy/copyjobwatch.h"
#include "copy/copyreceiver.h"
#include "copy/copyscript.h"
#include "copy/datacopy.h"
#include "host/remotejob.h"

#include <memory>

/** What the copy changed so far, so that it can be put back. */
struct DataCopy::Undo
{
    CopyReceiver receiver;
    CopyScriptParams params;
    std::unique_ptr<RemoteJob> job;
    std::unique_ptr<CopyJobWatch> watch;
    bool accountMade = false;
    QString accountHost;
    int readOnlyWas = -1; ///< the receiver's read_only before the copy; -1 untouched
    ReceiverDatabases replaced; ///< what the receiver held of the copied databases once read-only
    bool loadStarted = false;
    QString savedCopy;
    /** The CA, certificate and key the copy's client tools read on the receiver's host ("tls" on). */
    TlsFiles tlsFiles;
    // the intents written to the journal before each change (0: none kept), released when put back
    int folderIntent = 0, jobIntent = 0, readOnlyIntent = 0, accountIntent = 0, replicaIntent = 0,
        loadIntent = 0;
};
