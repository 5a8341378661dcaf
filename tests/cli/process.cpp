#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <string_view>

extern char** environ;

namespace onoma::cli_test {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

struct Pipe {
  int read = -1;
  int write = -1;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) fail("pipe2");
  return Pipe{fds[0], fds[1]};
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Feeds standard input and drains standard output and error at the same time, so that neither
// side blocks on a full pipe.
void exchange(Pipe& in, Pipe& out, Pipe& err, const RunOptions& options, RunResult* result) {
  std::string_view input = options.input;
  if (input.empty()) close_fd(in.write);
  // A blocking write of a large input could wait for a child that waits for us to read.
  if (in.write >= 0) ::fcntl(in.write, F_SETFL, O_NONBLOCK);
  while (in.write >= 0 || out.read >= 0 || err.read >= 0) {
    pollfd fds[3] = {{in.write, POLLOUT, 0}, {out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      fail("poll");
    }
    if (fds[0].revents != 0) {
      const ssize_t n = ::write(in.write, input.data(), input.size());
      if (n < 0 && errno != EINTR && errno != EAGAIN) {
        close_fd(in.write);  // the child stopped reading (EPIPE): it has what it wanted
      } else if (n > 0) {
        input.remove_prefix(static_cast<size_t>(n));
        if (input.empty()) close_fd(in.write);
      }
    }
    const struct {
      pollfd& poll;
      int& fd;
      std::string& text;
      size_t limit;
    } readers[2] = {{fds[1], out.read, result->out, options.stdout_limit},
                    {fds[2], err.read, result->err, 0}};
    for (const auto& reader : readers) {
      if (reader.poll.revents == 0) continue;
      char buffer[65536];
      const ssize_t n = ::read(reader.fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close_fd(reader.fd);
        continue;
      }
      reader.text.append(buffer, static_cast<size_t>(n));
      if (reader.limit != 0 && reader.text.size() >= reader.limit) close_fd(reader.fd);
    }
  }
}

}  // namespace

RunResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                      const RunOptions& options) {
  // Writing to a child that has exited must fail with EPIPE here, not end the test program.
  std::signal(SIGPIPE, SIG_IGN);

  Pipe in = make_pipe();
  Pipe out = make_pipe();
  Pipe err = make_pipe();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
  if (options.stdout_file.empty()) {
    posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, options.stdout_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);

  // An ignored signal stays ignored across exec; give the child the shell's default.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t default_signals;
  sigemptyset(&default_signals);
  sigaddset(&default_signals, SIGPIPE);
  posix_spawnattr_setsigdefault(&attributes, &default_signals);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);

  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close_fd(in.read);
  close_fd(out.write);
  close_fd(err.write);
  if (spawned != 0) {
    errno = spawned;
    fail("posix_spawn " + program);
  }

  RunResult result;
  if (!options.stdout_file.empty()) close_fd(out.read);
  exchange(in, out, err, options, &result);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) fail("waitpid");
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

RunResult run_onoma(const std::vector<std::string>& arguments, const RunOptions& options) {
  return run_program(ONOMA_CLI, arguments, options);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace onoma::cli_test
