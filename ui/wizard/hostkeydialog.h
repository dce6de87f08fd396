#pragma once

#include "host/ssh/sshsession.h"

#include <QDialog>

/** Asks whether to trust an SSH host key seen for the first time, showing its fingerprint;
 *  a key that changed is shown as a warning and cannot be accepted here. */
class HostKeyDialog : public QDialog
{
    Q_OBJECT
public:
    HostKeyDialog(const QString& server, const QString& host, int port, const SshHostKey& key,
        QWidget* parent = nullptr);
};
