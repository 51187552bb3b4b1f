#include "desktop.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Deltaboard::Desktop {

namespace {

// The translators in use (owned by the application object).
QTranslator *g_app = nullptr;
QTranslator *g_qt = nullptr;

void unload(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

QString appTranslationFile(const QString &language)
{
    for (const QString &folder : translationFolders()) {
        const QString file = QDir(folder).filePath(u"deltaboard_%1.qm"_s.arg(language));
        if (QFileInfo::exists(file))
            return file;
    }
    return {};
}

// "de_DE" → "de_DE" if there is one, else "de".
QString bestMatch(const QString &language)
{
    QString name = language;
    name.replace(u'-', u'_');
    if (!appTranslationFile(name).isEmpty())
        return name;
    const QString base = name.section(u'_', 0, 0);
    if (!appTranslationFile(base).isEmpty())
        return base;
    return {};
}

} // namespace

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/hicolor/%1x%1/apps/deltaboard.png"_s.arg(size), QSize(size, size));
    return QIcon::fromTheme(u"deltaboard"_s, icon);
}

QStringList translationFolders()
{
    // Beside the program: PREFIX/bin → PREFIX/share (the build lays out build/share the same
    // way for build/app and build/tests). Nowhere else: no folder a user could write to.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(u"../share/deltaboard/translations"_s);
    return {QDir::cleanPath(installed)};
}

bool useLanguage(QCoreApplication &app, const QString &language)
{
    unload(g_app);
    unload(g_qt);
    if (language.isEmpty() || language == u"en"_s || language.startsWith(u"en_"_s))
        return true;
    const QString match = bestMatch(language);
    if (match.isEmpty())
        return false;
    g_app = new QTranslator(&app);
    if (!g_app->load(appTranslationFile(match))) {
        unload(g_app);
        return false;
    }
    QCoreApplication::installTranslator(g_app);
    // Qt's own words (the buttons of standard dialogs), when Qt's translations are installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(u"qtbase_"_s + match, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        g_qt = qt;
        QCoreApplication::installTranslator(g_qt);
    } else {
        delete qt;
    }
    return true;
}

QString preferredLanguage()
{
    for (const QString &language : QLocale().uiLanguages()) {
        if (language.startsWith(u"en"_s))
            return u"en"_s;
        const QString match = bestMatch(language);
        if (!match.isEmpty())
            return match;
    }
    return u"en"_s;
}

} // namespace Deltaboard::Desktop
