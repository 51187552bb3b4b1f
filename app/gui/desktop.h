#pragma once

#include <QIcon>
#include <QString>
#include <QStringList>

class QCoreApplication;

// What makes the app a citizen of the desktop it runs on: its icon and its language.
namespace Deltaboard::Desktop {

// The application icon, at every rendered size (built into the program).
QIcon appIcon();

// Where the translations (.qm) are looked for: beside the program
// (PREFIX/share/deltaboard/translations; build/share/… in the build tree).
QStringList translationFolders();

// Loads the app's translation for 'language' ("de", "de_DE", or "pseudo" for the pseudo-locale
// the tests use) and Qt's own for its dialogs, replacing any loaded before. "en" or an empty
// language unloads them. Returns whether the app's translation was found (English needs none).
bool useLanguage(QCoreApplication &app, const QString &language);

// The first of the user's languages (QLocale's uiLanguages) that has a translation, else "en".
QString preferredLanguage();

} // namespace Deltaboard::Desktop
