#include "pgwatchdog.h"

#include <QString>

#include <cerrno>
#include <csignal>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deltaboard::Error;
using Deltaboard::Result;

namespace DeltaboardTest {

Result<std::unique_ptr<Watchdog>> Watchdog::spawn(const QStringList &command)
{
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        return Error{u"cannot make a socket pair: %1"_s.arg(qt_error_string(errno))};
    auto watchdog = std::unique_ptr<Watchdog>(new Watchdog);
    watchdog->m_socket = ends[0];
    int theirs = ends[1];
    if (theirs <= STDERR_FILENO) { // dup2() onto itself would keep FD_CLOEXEC
        theirs = ::fcntl(ends[1], F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
        ::close(ends[1]);
        if (theirs < 0)
            return Error{u"cannot duplicate a socket: %1"_s.arg(qt_error_string(errno))};
    }

    // Everything the child needs is made before fork(): between fork() and exec() only
    // async-signal-safe calls are allowed (Qt may have other threads).
    QList<QByteArray> arguments;
    for (const QString &argument : command)
        arguments.append(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    static const char execFailed[] = "cannot run the watchdog (execve failed)\n";

    const pid_t child = ::fork();
    if (child < 0) {
        ::close(theirs);
        return Error{u"cannot fork: %1"_s.arg(qt_error_string(errno))};
    }
    if (child == 0) {
        ::setsid();
        const pid_t grandchild = ::fork();
        if (grandchild != 0)
            ::_exit(grandchild < 0 ? 1 : 0);
        ::dup2(theirs, STDIN_FILENO);
        ::dup2(theirs, STDOUT_FILENO);
        ::dup2(theirs, STDERR_FILENO);
        // Ignored signals and the signal mask survive exec(); the helper wants neither.
        struct sigaction defaultAction = {};
        defaultAction.sa_handler = SIG_DFL;
        for (int number = 1; number < NSIG; ++number)
            ::sigaction(number, &defaultAction, nullptr);
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execve(argv[0], argv.data(), environ);
        [[maybe_unused]] const auto written
            = ::write(STDERR_FILENO, execFailed, sizeof execFailed - 1);
        ::_exit(127);
    }
    ::close(theirs);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error{u"cannot start the watchdog (fork failed)"_s};
    return watchdog;
}

Watchdog::~Watchdog()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

Watchdog::Read Watchdog::readLine(QByteArray *line, QDeadlineTimer deadline)
{
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline >= 0) {
            *line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            return Read::Line;
        }
        if (m_closed) {
            if (m_buffer.isEmpty())
                return Read::Closed;
            *line = std::exchange(m_buffer, {});
            return Read::Line;
        }
        pollfd ready = {m_socket, POLLIN, 0};
        const int waited = ::poll(&ready, 1, int(deadline.remainingTime()));
        if (waited < 0 && errno == EINTR)
            continue;
        if (waited == 0)
            return Read::Timeout;
        char chunk[4096];
        const ssize_t got = ::read(m_socket, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            m_closed = true;
        else
            m_buffer.append(chunk, got);
    }
}

bool Watchdog::send(const QByteArray &line)
{
    const QByteArray data = line + '\n';
    return ::send(m_socket, data.constData(), size_t(data.size()), MSG_NOSIGNAL)
           == ssize_t(data.size());
}

bool Watchdog::finish(QDeadlineTimer deadline)
{
    ::shutdown(m_socket, SHUT_WR);
    QByteArray line;
    for (;;) {
        const Read read = readLine(&line, deadline);
        if (read == Read::Closed)
            return true;
        if (read == Read::Timeout)
            return false;
        note(line);
    }
}

void Watchdog::note(const QByteArray &line)
{
    if (!line.trimmed().isEmpty())
        m_messages.append(QString::fromLocal8Bit(line));
}

} // namespace DeltaboardTest
