#include "mainwindow.h"

#include "asynctask.h"
#include "credentialstore.h"
#include "fleetmonitor.h"
#include "pairlist.h"
#include "passwordrequest.h"

#include <QMessageBox>
#include <QStatusBar>
#include <algorithm>

// The saved pairs' passwords: from the keychain, else asked for, one dialog at a time, each pair once.

void MainWindow::queuePassword(const QString& path, const PairProfile& profile)
{
    const bool queued = std::any_of(m_passwordQueue.cbegin(), m_passwordQueue.cend(),
        [&path](const auto& waiting) { return waiting.first == path; });
    if (const auto typed = m_typedPasswords.constFind(path); typed != m_typedPasswords.constEnd()) {
        m_pairs->fleet()->watchWith(path, *typed); // typed once since the app started: not again
        return;
    }
    if (path == m_profile.filePath || path == m_openingPath || queued)
        return; // the window asks for it itself
    m_passwordQueue.append({ path, profile });
    askNextPassword();
}

void MainWindow::forgetPasswords()
{
    if (!m_hasPair)
        return;
    AsyncTask::runThenCallback(m_credentials->forgetProfile(m_profile), this, [this](const Result<void>& r) {
        statusBar()->showMessage(
            r ? tr("The keychain no longer holds the passwords of %1.").arg(m_profile.name) : r.error().text,
            8000);
    });
}

void MainWindow::askNextPassword()
{
    if (m_askingPassword || m_passwordQueue.isEmpty())
        return;
    const auto next = m_passwordQueue.takeFirst();
    const QString path = next.first;
    const PairProfile profile = next.second;
    m_askingPassword = true;
    m_askingPath = path;
    m_openAfterAsking = false;
    PasswordRequest::ask(
        profile, m_credentials, this,
        [this, path](const PairProfile& filled) {
            m_typedPasswords.insert(path, filled);
            m_askingPassword = false;
            m_askingPath.clear();
            if (std::exchange(m_openAfterAsking, false))
                openPair(filled, path != m_pairs->demoPath()); // opened while its question was shown
            else if (path != m_profile.filePath)
                m_pairs->fleet()->watchWith(path, filled);
            askNextPassword();
        },
        [this] {
            m_askingPassword = false; // the pair waits for a password until it is opened
            m_askingPath.clear();
            m_openAfterAsking = false;
            askNextPassword();
        });
}

bool MainWindow::openPairFile(const QString& path)
{
    if (const auto typed = m_typedPasswords.constFind(path); typed != m_typedPasswords.constEnd()) {
        openPair(*typed, path != m_pairs->demoPath()); // asked once already since the app started
        return true;
    }
    if (m_askingPassword && path == m_askingPath) {
        m_openAfterAsking = true; // its question is on the screen already: one question per pair
        return true;
    }
    m_passwordQueue.removeIf([&path](const auto& waiting) { return waiting.first == path; });
    auto loaded = PairProfile::load(path);
    if (!loaded) {
        QMessageBox::warning(this, tr("Open Pair Profile"),
            tr("%1 cannot be opened:\n%2").arg(path, loaded.error().toString()));
        return false;
    }
    loaded->filePath = path;
    const bool remember = path != m_pairs->demoPath();
    m_openingPath = path;
    PasswordRequest::fill(
        *loaded, m_credentials, this,
        [this, remember, path](const PairProfile& ready) {
            m_typedPasswords.insert(path, ready);
            if (m_openingPath == path)
                m_openingPath.clear();
            openPair(ready, remember);
        },
        [this, path] {
            if (m_openingPath == path)
                m_openingPath.clear();
        });
    return true;
}
