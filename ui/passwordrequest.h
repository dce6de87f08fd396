#pragma once

#include "common/pairprofile.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

#include <functional>

class CredentialStore;

/** Gets the passwords a saved pair needs before it is watched: from the OS keychain where the profile names
 *  an entry, else from the user — one window-modal dialog per pair (objectName "passwordPrompt") with a
 *  field for each missing password and "Remember in the keychain", never a nested event loop. A password
 *  the profile names no place for is asked for too: the app never tries an empty one on its own. A
 *  keychain that does not answer falls back to the dialog. */
class PasswordRequest
{
    Q_DECLARE_TR_FUNCTIONS(PasswordRequest)
public:
    /** Whether server @p s still lacks its SQL password (a keychain entry not read, a variable not set, no
     *  place named and none typed). */
    static bool needsSqlPassword(const ServerProfile& s);
    /** Whether server @p s still lacks its SSH password. */
    static bool needsSshPassword(const ServerProfile& s);
    static bool needsPassword(const PairProfile& profile);

    /** Calls @p done with @p profile holding its passwords; not at all when the user cancels the dialog. */
    static void fill(const PairProfile& profile, CredentialStore* store, QWidget* parent,
        std::function<void(const PairProfile&)> done, std::function<void()> cancelled = {});
    /** The dialog alone, for a profile the keychain was already asked for; with "remember" ticked, the
     *  typed passwords go to the keychain and the profile file names the entries. */
    static void ask(const PairProfile& profile, CredentialStore* store, QWidget* parent,
        std::function<void(const PairProfile&)> done, std::function<void()> cancelled = {});
};
