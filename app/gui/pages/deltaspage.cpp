#include "deltaspage.h"

#include "deltastore.h"
#include "deltatablemodel.h"
#include "views/deltadetailview.h"
#include "views/deltalistview.h"

#include <QLocale>

namespace Deltaboard {

DeltasPage::DeltasPage(Database &db, Workspace *workspace, QWidget *parent)
    : ViewPage(parent)
    , m_db(db)
    , m_deltas(new DeltaTableModel(db, this))
    , m_view(new DeltaListView(m_deltas, workspace, parent))
{
    connect(m_view, &DeltaListView::countChanged, this, &ViewPage::statusChanged);
}

ViewPage::Entry DeltasPage::entry() const
{
    return {QStringLiteral("deltas"), tr("&Deltas"), QKeySequence(Qt::CTRL | Qt::Key_2), {}};
}

QWidget *DeltasPage::widget() const
{
    return m_view;
}

QString DeltasPage::searchPlaceholder() const
{
    return tr("Search deltas: title, desired, actual, details (Ctrl+F)");
}

void DeltasPage::search(const QString &text)
{
    m_view->setSearchText(text);
}

void DeltasPage::setOrganisation(qint64 id, const QString &,
                                 const QList<std::pair<qint64, QString>> &)
{
    m_view->setOrganisation(id > 0 ? std::optional<qint64>(id) : std::nullopt);
}

QString DeltasPage::status() const
{
    if (!m_totalDeltas) {
        const auto counted = DeltaStore(m_db).count({});
        if (!counted)
            return tr("Cannot count deltas: %1").arg(counted.error());
        m_totalDeltas = *counted;
    }
    const QLocale locale;
    const int total = *m_totalDeltas;
    const int matching = m_deltas->totalCount();
    const QString all = total == 1 ? tr("1 delta") : tr("%1 deltas").arg(locale.toString(total));
    return matching == total ? all : tr("%1 of %2").arg(locale.toString(matching), all);
}

QList<qint64> DeltasPage::selectedDeltas() const
{
    return m_view->selectedDeltas();
}

void DeltasPage::deltaChanged(qint64 deltaId)
{
    m_deltas->refreshDelta(deltaId);
    if (m_view->detail()->deltaId() == deltaId)
        m_view->detail()->reload();
}

void DeltasPage::deltasAdded()
{
    reset();
    Q_EMIT statusChanged();
}

void DeltasPage::reset()
{
    m_totalDeltas.reset();
    m_deltas->refresh();
}

} // namespace Deltaboard
