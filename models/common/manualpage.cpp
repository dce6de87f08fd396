#include "manualpage.h"

#include <QFileInfo>

QString ManualPage::folder()
{
    return QStringLiteral(REPLIPAIR_DOCS_DIR);
}

QString ManualPage::path(const QString& localeName, const QString& page)
{
    if (localeName.startsWith(QLatin1String("zh"))) {
        const QString chinese = folder() + QStringLiteral("/zh_CN/") + page;
        if (QFileInfo::exists(chinese))
            return chinese;
    }
    return folder() + QLatin1Char('/') + page;
}
