#include "viewpage.h"

namespace Deltaboard {

void ViewPage::markStale()
{
    if (m_shown)
        refreshNow();
    else
        m_stale = true;
}

void ViewPage::catchUp()
{
    if (m_stale)
        refreshNow();
}

void ViewPage::refreshNow()
{
    m_stale = false;
    refresh();
}

} // namespace Deltaboard
