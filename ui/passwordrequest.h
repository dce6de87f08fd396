#pragma once

#include "common/pairprofile.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

#include <functional>

class CredentialStore;

/** Gets the passwords a saved pair needs before it opens: from the OS keychain where the profile names an
 *  entry, else from the user — one window-modal dialog at a time (objectName "passwordPrompt"), never a
 *  nested event loop. A keychain that does not answer falls back to the dialog. */
class PasswordRequest
{
    Q_DECLARE_TR_FUNCTIONS(PasswordRequest)
public:
    /** Whether server @p s still lacks its SQL password (a keychain entry not read, a variable not set). */
    static bool needsSqlPassword(const ServerProfile& s);
    /** Whether server @p s still lacks its SSH password. */
    static bool needsSshPassword(const ServerProfile& s);

    /** Calls @p done with @p profile holding its passwords; not at all when the user cancels a dialog. */
    static void fill(const PairProfile& profile, CredentialStore* store, QWidget* parent,
        std::function<void(const PairProfile&)> done);

private:
    static void askMissing(
        PairProfile profile, QPointer<QWidget> parent, std::function<void(const PairProfile&)> done);
};
