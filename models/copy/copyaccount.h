#pragma once

#include "common/steperror.h"

#include <QCoreApplication>
#include <QStringList>

struct ServerContext;

/** The short-lived account the dump logs in with on the source: limited to the receiver's address and
 *  to the privileges a consistent dump with coordinates needs; never written to the binary log. */
class CopyAccount
{
    Q_DECLARE_TR_FUNCTIONS(CopyAccount)
public:
    static QString userName() { return QStringLiteral("replipair_copy"); }
    /** The statements (password shown as '***' when @p redact). */
    static QStringList statements(ServerContext& ctx, const QString& host, const QString& password,
        const QStringList& databases, bool redact);
    /** Creates it; with @p requireSsl the source refuses a login in clear text (REQUIRE SSL). */
    static Result<void> create(ServerContext& ctx, const QString& host, const QString& password,
        const QStringList& databases, bool requireSsl = false);
    static Result<void> drop(ServerContext& ctx, const QString& host);
};
