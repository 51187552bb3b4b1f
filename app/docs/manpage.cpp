#include "manpage.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// Bold words, with the words in capitals (the arguments: FILE, ORG, [ID]...) in italic.
QString term(const QString &text)
{
    static const QRegularExpression argument(u"([A-Z][A-Z_|]+(?:\\.\\.\\.)?)"_s);
    QString out;
    qsizetype last = 0;
    auto it = argument.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out += u"\\fB"_s + ManPage::escape(text.mid(last, match.capturedStart() - last))
               + u"\\fR"_s;
        out += u"\\fI"_s + ManPage::escape(match.captured()) + u"\\fR"_s;
        last = match.capturedEnd();
    }
    out += u"\\fB"_s + ManPage::escape(text.mid(last)) + u"\\fR"_s;
    return out.replace(u"\\fB\\fR"_s, QString());
}

} // namespace

ManPage::ManPage(const QString &name, const QString &summary)
{
    // No date: the page is the same whenever it is built (reproducible builds).
    m_text = u".TH "_s + escape(name.toUpper()) + u" 1 \"\" \""_s
             + escape(name + u' ' + QCoreApplication::applicationVersion())
             + u"\" \"User Commands\"\n"_s;
    m_text += u".SH NAME\n"_s + escape(name) + u" \\- "_s + escape(summary) + u'\n';
}

void ManPage::synopsis(const QStringList &forms)
{
    m_text += u".SH SYNOPSIS\n"_s;
    for (const QString &form : forms)
        m_text += u".br\n"_s + term(form) + u'\n';
}

void ManPage::section(const QString &title)
{
    m_text += u".SH "_s + escape(title.toUpper()) + u'\n';
}

void ManPage::subsection(const QString &title)
{
    m_text += u".SS "_s + escape(title) + u'\n';
}

void ManPage::paragraph(const QString &text)
{
    const QStringList paragraphs = text.split(u"\n\n"_s, Qt::SkipEmptyParts);
    for (const QString &one : paragraphs)
        m_text += u".PP\n"_s + escape(QString(one).replace(u'\n', u' ').simplified()) + u'\n';
}

void ManPage::item(const QString &termText, const QString &text)
{
    m_text += u".TP\n"_s + term(termText) + u'\n' + escape(text.simplified()) + u'\n';
}

void ManPage::option(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names.append((name.size() == 1 ? u"-"_s : u"--"_s) + name);
    QString shown = names.join(u", "_s);
    if (!option.valueName().isEmpty())
        shown += u' ' + option.valueName();
    QString text = option.description();
    const QStringList defaults = option.defaultValues();
    if (!defaults.isEmpty() && !text.contains(u"default"_s, Qt::CaseInsensitive))
        text += u" Default: %1."_s.arg(defaults.join(u", "_s));
    item(shown, text);
}

void ManPage::indent()
{
    m_text += u".RS\n"_s;
}

void ManPage::unindent()
{
    m_text += u".RE\n"_s;
}

void ManPage::databaseEnvironment()
{
    item(u"PGPASSWORD, PGPASSFILE, PGSERVICE"_s,
         u"A team database's password, as libpq reads it; a URL given with --db never carries "
         u"one."_s);
    item(u"XDG_DATA_HOME"_s, u"Where the default database lives (deltaboard/deltaboard.sqlite "
                             u"under it), ~/.local/share when unset."_s);
}

void ManPage::defaultDatabaseFile()
{
    item(u"~/.local/share/deltaboard/deltaboard.sqlite"_s,
         u"The default database, shared by the app and deltaboard-cli."_s);
}

QString ManPage::text() const
{
    return m_text;
}

QString ManPage::escape(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\e"_s);
    out.replace(u'-', u"\\-"_s);
    // A line that starts with a dot or an apostrophe would be read as a request.
    if (out.startsWith(u'.') || out.startsWith(u'\''))
        out.prepend(u"\\&"_s);
    out.replace(u"\n."_s, u"\n\\&."_s);
    out.replace(u"\n'"_s, u"\n\\&'"_s);
    return out;
}

} // namespace Deltaboard
