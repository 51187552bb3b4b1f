#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

// Writes a man page (roff, the man(7) macros) from the same option and command tables the
// programs' --help is made of, so the two never drift apart. The build runs
// 'deltaboard --man-page' and 'deltaboard-cli --man-page' and installs what they print.
namespace Deltaboard {

class ManPage
{
public:
    // name: the program; summary: the one line after its name in NAME.
    ManPage(const QString &name, const QString &summary);

    // Each line a synopsis form; words in capitals are shown as arguments (italic).
    void synopsis(const QStringList &forms);
    // A section (DESCRIPTION, OPTIONS, …); what follows goes into it.
    void section(const QString &title);
    void subsection(const QString &title);
    // A paragraph of plain text; blank lines in it start new paragraphs.
    void paragraph(const QString &text);
    // A tagged paragraph: the term in bold (its capitalised words in italic), then the text.
    void item(const QString &term, const QString &text);
    // An option as --help shows it: its names, its value's name, its description and default.
    void option(const QCommandLineOption &option);
    // Indents what follows (a command's options under the command) until unindent().
    void indent();
    void unindent();

    // What both programs say alike, so their pages never differ on it: the environment a
    // database is found and reached with, and the default database's file.
    void databaseEnvironment();
    void defaultDatabaseFile();

    QString text() const;

    // Text made safe for roff: backslashes, hyphens, and lines starting with a dot or quote.
    static QString escape(const QString &text);

private:
    QString m_text;
};

} // namespace Deltaboard
