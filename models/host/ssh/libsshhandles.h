#pragma once

#include "common/pairprofile.h"

#include <QString>

#include <libssh/libssh.h>

#include <memory>

/** Owning handles for libssh objects and the two small texts every SSH message uses; shared by the
 *  session, its authenticator and the known-hosts check. Included by their .cpp files only. */
namespace LibSsh {

struct SessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;

struct ChannelDeleter
{
    void operator()(ssh_channel c) const
    {
        if (ssh_channel_is_open(c))
            ssh_channel_close(c);
        ssh_channel_free(c);
    }
};
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;

struct KeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;

/** "user@host:port" */
inline QString where(const SshEndpoint& ep)
{
    return QStringLiteral("%1@%2:%3").arg(ep.user, ep.host).arg(ep.port);
}

inline QString error(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}

} // namespace LibSsh
