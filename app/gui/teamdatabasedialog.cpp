#include "teamdatabasedialog.h"
#include "views/palette.h"

#include "location.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

constexpr int kDefaultPort = 5432;

// libpq takes a socket folder, or several hosts, as a query parameter rather than in the
// authority (as Location::url() writes them).
bool hostGoesInQuery(const QString &host)
{
    return host.startsWith(u'/') || host.contains(u',');
}

} // namespace

TeamDatabaseDialog::TeamDatabaseDialog(QWidget *parent)
    : QDialog(parent)
    , m_probe(new ConnectionProbe(this))
    , m_recent(new QListWidget(this))
    , m_noRecent(new QLabel(tr("None yet: a team database you open is listed here."), this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"teamDatabaseDialog"_s);
    setWindowTitle(tr("Connect to Team Database"));

    m_recent->setObjectName(u"teamRecent"_s);
    m_recent->setUniformItemSizes(true);
    m_recent->setFixedHeight(m_recent->fontMetrics().height() * 4 + 12);
    m_noRecent->setObjectName(u"teamNoRecent"_s);
    m_noRecent->setForegroundRole(QPalette::PlaceholderText);
    m_host->setObjectName(u"teamHost"_s);
    m_host->setPlaceholderText(tr("this computer (local socket)"));
    m_port->setObjectName(u"teamPort"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setGroupSeparatorShown(false);
    m_database->setObjectName(u"teamDatabase"_s);
    m_database->setPlaceholderText(tr("e.g. deltaboard"));
    m_user->setObjectName(u"teamUser"_s);
    m_user->setPlaceholderText(tr("your login name"));
    m_url->setObjectName(u"teamUrl"_s);
    m_url->setPlaceholderText(u"postgresql://user@host:5432/deltaboard"_s);
    m_url->setClearButtonEnabled(true);

    // Passwords: where libpq looks for them, in a quieter voice than the form.
    auto *note = new QLabel(
        tr("No password is asked for or stored here: libpq reads it from ~/.pgpass or "
           "PGPASSWORD, or the whole connection from a PGSERVICE entry. A URL with a password "
           "in it is refused."),
        this);
    note->setObjectName(u"teamPasswordNote"_s);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    QFont small = note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    note->setFont(small);

    m_busy->setObjectName(u"teamBusy"_s);
    m_busy->setRange(0, 0); // busy: no progress to tell while libpq connects
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(56, 10);
    m_busy->hide();
    m_status->setObjectName(u"teamStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(u"teamTest"_s);
    m_test->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"teamConnect"_s);
    m_connect->setDefault(true);

    // The list, or the line saying there is none yet, in one row.
    auto *recentBox = new QVBoxLayout;
    recentBox->setContentsMargins({});
    recentBox->addWidget(m_recent);
    recentBox->addWidget(m_noRecent);
    auto *recentLabel = new QLabel(tr("&Recent:"), this);
    recentLabel->setBuddy(m_recent);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_host);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addSpacing(8);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(recentLabel, recentBox);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("or paste a &URL:"), m_url);
    form->addRow(QString(), note);
    // The test's button, and what it found beside it.
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_test, 0, Qt::AlignVCenter);
    statusRow->addSpacing(6);
    statusRow->addWidget(m_busy, 0, Qt::AlignVCenter);
    statusRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addLayout(statusRow);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    m_url->setMinimumWidth(460);

    for (QLineEdit *field : {m_host, m_database, m_user})
        connect(field, &QLineEdit::textEdited, this, &TeamDatabaseDialog::fieldsEdited);
    connect(m_port, &QSpinBox::valueChanged, this, &TeamDatabaseDialog::fieldsEdited);
    connect(m_url, &QLineEdit::textEdited, this, &TeamDatabaseDialog::urlEdited);
    connect(m_recent, &QListWidget::itemClicked, this,
            [this](const QListWidgetItem *item) { setUrl(item->data(Qt::UserRole).toString()); });
    connect(m_recent, &QListWidget::itemActivated, this, [this](const QListWidgetItem *item) {
        setUrl(item->data(Qt::UserRole).toString());
        connectClicked();
    });
    connect(m_test, &QPushButton::clicked, this, &TeamDatabaseDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &TeamDatabaseDialog::connectClicked);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_probe, &ConnectionProbe::finished, this, &TeamDatabaseDialog::probeFinished);
    setRecent({});
    showStatus({}, false);
    updateButtons();
}

void TeamDatabaseDialog::setRecent(const QStringList &locations)
{
    m_recent->clear();
    for (const QString &location : locations) {
        if (!Location::isUrl(location))
            continue;
        const auto parsed = Location::parse(location);
        if (!parsed)
            continue; // a URL remembered by an older Deltaboard, now refused: not offered
        auto *item = new QListWidgetItem(parsed->describe(), m_recent);
        item->setData(Qt::UserRole, parsed->url());
        item->setToolTip(parsed->url());
    }
    const bool any = m_recent->count() > 0;
    m_recent->setVisible(any);
    m_noRecent->setVisible(!any);
}

void TeamDatabaseDialog::setUrl(const QString &url)
{
    m_url->setText(url);
    m_url->setCursorPosition(0); // the start says most: the user, the host
    urlEdited();
}

QString TeamDatabaseDialog::statusText() const
{
    return m_status->text();
}

void TeamDatabaseDialog::urlEdited()
{
    if (m_syncing)
        return;
    const QString text = m_url->text().trimmed();
    const auto parsed = Location::parse(text);
    if (text.isEmpty() || !Location::isUrl(text) || !parsed) {
        // The fields show nothing rather than what an earlier text meant (typing
        // 'postgresql://ana:' passes through a URL with host 'ana').
        m_extra.clear();
        m_syncing = true;
        for (QLineEdit *field : {m_host, m_database, m_user})
            field->clear();
        m_port->setValue(kDefaultPort);
        m_syncing = false;
        locationChanged({});
        if (text.isEmpty())
            showStatus({}, false);
        else if (!Location::isUrl(text))
            showStatus(tr("A team database URL starts with postgresql:// (as in "
                          "postgresql://user@host:5432/deltaboard)"),
                       true);
        else
            showStatus(parsed.error(), true);
        return;
    }
    // The fields show the URL as libpq reads it (Location::url() writes it back in one form).
    const QUrl url(parsed->url());
    QString host = url.host(QUrl::FullyDecoded);
    int port = url.port(-1);
    m_extra.clear();
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == u"host"_s && host.isEmpty())
            host = value;
        else if (key == u"port"_s && port < 0 && value.toInt() > 0)
            port = value.toInt();
        else
            m_extra.append({key, value});
    }
    m_syncing = true;
    m_host->setText(host);
    m_port->setValue(port > 0 ? port : kDefaultPort);
    m_database->setText(url.path(QUrl::FullyDecoded).mid(1));
    m_user->setText(url.userName(QUrl::FullyDecoded));
    m_syncing = false;
    locationChanged(parsed->url());
    showStatus({}, false);
}

void TeamDatabaseDialog::fieldsEdited()
{
    if (m_syncing)
        return;
    const QString host = m_host->text().trimmed();
    const QString database = m_database->text().trimmed();
    const QString user = m_user->text().trimmed();
    const int port = m_port->value();
    if (host.isEmpty() && database.isEmpty() && user.isEmpty() && m_extra.isEmpty()
        && port == kDefaultPort) {
        m_url->clear();
        locationChanged({});
        showStatus({}, false);
        return;
    }
    QUrl url;
    url.setScheme(u"postgresql"_s);
    QUrlQuery query;
    if (hostGoesInQuery(host)) {
        query.addQueryItem(u"host"_s, host);
        if (port != kDefaultPort)
            query.addQueryItem(u"port"_s, QString::number(port));
    } else {
        url.setHost(host); // empty: libpq's default, the local socket
        if (port != kDefaultPort && !host.isEmpty())
            url.setPort(port);
        else if (port != kDefaultPort)
            query.addQueryItem(u"port"_s, QString::number(port));
    }
    url.setUserName(user);
    url.setPath(u'/' + database);
    for (const auto &[key, value] : std::as_const(m_extra))
        query.addQueryItem(key, value);
    url.setQuery(query);
    QString text = url.toString(QUrl::FullyEncoded);
    // QUrl writes an empty authority as 'postgresql:/db'; libpq wants the two slashes.
    if (!text.startsWith(u"postgresql://"_s))
        text.replace(0, int(qstrlen("postgresql:")), u"postgresql://"_s);
    const auto parsed = Location::parse(text);
    m_syncing = true;
    m_url->setText(parsed ? parsed->url() : text);
    m_syncing = false;
    locationChanged(parsed ? parsed->url() : QString());
    showStatus(parsed ? QString() : parsed.error(), !parsed);
}

void TeamDatabaseDialog::locationChanged(const QString &text)
{
    m_location = text;
    if (m_tested.url != text)
        m_connectAfterTest = false;
    updateButtons();
}

void TeamDatabaseDialog::testConnection()
{
    if (m_location.isEmpty() || isTesting())
        return;
    const auto parsed = Location::parse(m_location);
    showStatus(tr("Connecting to %1…").arg(parsed ? parsed->describe() : m_location), false);
    m_busy->show();
    m_probe->start(m_location);
    updateButtons();
}

void TeamDatabaseDialog::connectClicked()
{
    if (m_location.isEmpty() || isTesting())
        return;
    // Tested already (and, when empty, the button said it creates the schema): go.
    if (m_tested.url == m_location && m_tested.connected()) {
        accept();
        Q_EMIT connectRequested(m_location);
        return;
    }
    m_connectAfterTest = true;
    testConnection();
}

void TeamDatabaseDialog::probeFinished(const ConnectionProbe::Outcome &outcome)
{
    m_busy->hide();
    const bool connectNow = m_connectAfterTest && isVisible();
    m_connectAfterTest = false;
    if (outcome.url != m_location) { // the fields changed while it connected
        showStatus({}, false);
        updateButtons();
        return;
    }
    m_tested = outcome;
    showStatus(outcome.message, !outcome.connected());
    updateButtons();
    // An empty database waits for a second click on a button that says what it does.
    if (connectNow && outcome.connected() && outcome.kind != ConnectionProbe::Outcome::Kind::Empty)
        connectClicked();
}

void TeamDatabaseDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    // The app's colour for errors (as the welcome and the import wizard show them).
    m_status->setStyleSheet(error ? u"color: %1;"_s.arg(Palette::errorText(palette()).name())
                                  : QString());
    // A long error wraps: its lines count in the dialog's minimum size, so the dialog grows
    // to show all of it (the minimum size a layout gives a window leaves out wrapping).
    const int lines = m_status->fontMetrics().lineSpacing() * 3;
    const int width = m_status->width();
    m_status->setMinimumHeight(width > 0 ? std::max(lines, m_status->heightForWidth(width))
                                         : lines);
}

void TeamDatabaseDialog::updateButtons()
{
    const bool ready = !m_location.isEmpty() && !isTesting();
    m_test->setEnabled(ready);
    m_connect->setEnabled(ready);
    const bool empty = m_tested.url == m_location && !m_location.isEmpty()
                       && m_tested.kind == ConnectionProbe::Outcome::Kind::Empty;
    m_connect->setText(empty ? tr("&Create Schema and Connect") : tr("&Connect"));
}

} // namespace Deltaboard
