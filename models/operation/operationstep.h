#pragma once

#include "common/steperror.h"

#include <QString>

#include <functional>

/** One change of an operation on a running pair (SetReadOnly, WaitForApplied, RunHook, …): what it intends
 *  (written before it is taken), how to take it and how to undo it. A step without an undo changes nothing
 *  that needs one (a wait, a read) or is past the point of no return. */
struct OperationStep
{
    QString id; ///< stable StepId
    int server = -1; ///< index of the server it changes, -1 for the pair or this machine
    QString intent; ///< what it will do, in the DBA's words
    std::function<Result<QString>()> apply; ///< says what it did
    std::function<Result<QString>()> undo;
};
