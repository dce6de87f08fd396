#pragma once

#include "host/ssh/libsshhandles.h"

#include <QCoreApplication>
#include <QString>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

/** One command on an SSH session: the channel it runs in and how it ended. Included by the session's .cpp
 *  only (SshSession::exec and SshSession::stream). */
namespace LibSsh {

struct ExitState
{
    bool exited = false;
    int status = -1;
    QString signal; ///< the signal that ended it ("KILL"), when it was one
};

/** A channel running one command, its exit status (or the signal that ended it) caught as it comes. The
 *  callbacks are removed before the channel is freed: libssh keeps a channel it was told to free until the
 *  host closes it too, and must not call back into a gone object afterwards. */
class CommandChannel
{
public:
    ExitState state;

    CommandChannel()
    {
        m_callbacks.userdata = &state;
        m_callbacks.channel_exit_status_function = [](ssh_session, ssh_channel, int status, void* user) {
            auto* st = static_cast<ExitState*>(user);
            st->exited = true;
            st->status = status;
        };
        m_callbacks.channel_exit_signal_function
            = [](ssh_session, ssh_channel, const char* signal, int, const char*, const char*, void* user) {
                  auto* st = static_cast<ExitState*>(user);
                  st->exited = true;
                  st->status = -1;
                  st->signal = QString::fromLatin1(signal);
              };
        ssh_callbacks_init(&m_callbacks);
    }
    ~CommandChannel()
    {
        if (m_channel)
            ssh_remove_channel_callbacks(m_channel.get(), &m_callbacks);
    }
    CommandChannel(const CommandChannel&) = delete;
    CommandChannel& operator=(const CommandChannel&) = delete;

    ssh_channel get() const { return m_channel.get(); }
    /** Opens a session channel on @p s and starts @p command in it: nullptr, or what failed. */
    const char* start(ssh_session s, const QString& command)
    {
        ChannelPtr channel(ssh_channel_new(s));
        if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
            return QT_TRANSLATE_NOOP("SshSession", "opening a channel");
        m_channel = std::move(channel);
        ssh_set_channel_callbacks(m_channel.get(), &m_callbacks);
        const QByteArray cmd = command.toUtf8();
        if (ssh_channel_request_exec(m_channel.get(), cmd.constData()) != SSH_OK)
            return QT_TRANSLATE_NOOP("SshSession", "starting a command");
        return nullptr;
    }

private:
    ssh_channel_callbacks_struct m_callbacks {};
    ChannelPtr m_channel; ///< declared last: freed before the callbacks it points to
};

} // namespace LibSsh
