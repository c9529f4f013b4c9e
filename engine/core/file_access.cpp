#include "file_access.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace trustdaily::core {

namespace {

namespace fs = std::filesystem;

std::string errnoText(int e) { return std::strerror(e); }

// The home folder: $HOME when absolute, else the password database's entry.
std::string homeFolder() {
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') return home;
  // getpwuid_r with a buffer of the size the system suggests.
  long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buf(size > 0 ? static_cast<std::size_t>(size) : 16384);
  struct passwd pw {};
  struct passwd* found = nullptr;
  if (::getpwuid_r(::getuid(), &pw, buf.data(), buf.size(), &found) == 0 && found != nullptr &&
      found->pw_dir != nullptr && found->pw_dir[0] == '/')
    return found->pw_dir;
  return "";
}

UserFolder xdgFolder(const char* variable, const char* underHome) {
  UserFolder out;
  const char* xdg = std::getenv(variable);
  if (xdg != nullptr && xdg[0] == '/') {
    out.path = (fs::path(xdg) / "trustdaily").string();
    return out;
  }
  std::string home = homeFolder();
  if (!home.empty()) {
    out.path = (fs::path(home) / underHome / "trustdaily").string();
    return out;
  }
  out.problem = std::string("no folder for your files: ") + variable +
                " and HOME are not set to absolute paths and the account has no home folder; "
                "give --data-dir DIR";
  return out;
}

}  // namespace

std::string notAFileReason(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, not a file";
  if (S_ISFIFO(mode)) return "is a named pipe, not a file";
  if (S_ISSOCK(mode)) return "is a socket, not a file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a file";
  return "is not a regular file";
}

FileRead readBounded(const std::string& path, std::size_t limit) {
  FileRead out;
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    out.error = errno;
    out.status = (errno == ENOENT || errno == ENOTDIR) ? ReadStatus::Missing : ReadStatus::Failed;
    out.why = "cannot be read: " + errnoText(errno);
    return out;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    out.error = errno;
    out.status = ReadStatus::Failed;
    out.why = "cannot be read: " + errnoText(errno);
  } else if (!S_ISREG(st.st_mode)) {
    out.status = ReadStatus::NotAFile;
    out.why = notAFileReason(st.st_mode);
  } else {
    out.status = ReadStatus::Ok;
    out.bytes.resize(limit + 1);
    std::size_t got = 0;
    while (got < out.bytes.size()) {
      ssize_t n = ::read(fd, out.bytes.data() + got, out.bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        out.error = errno;
        out.status = ReadStatus::Failed;
        out.why = "cannot be read: " + errnoText(errno);
        break;
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    out.bytes.resize(got);
    if (out.status == ReadStatus::Ok && got > limit) {
      out.status = ReadStatus::TooLarge;
      out.why = "it is larger than " + std::to_string(limit) + " bytes";
    }
  }
  ::close(fd);
  if (out.status != ReadStatus::Ok && out.status != ReadStatus::TooLarge) out.bytes.clear();
  return out;
}

std::string atomicWriteFile(const std::string& path, const std::string& bytes) {
  fs::path target(path);
  std::error_code ec;
  // A link stays a link: the file it names is the one replaced.
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) return "cannot follow the link " + target.string() + ": " + ec.message();
    target = resolved;
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  fs::create_directories(dir, ec);
  if (ec) return "cannot create folder " + dir.string() + ": " + ec.message();
  if (!fs::is_directory(dir, ec)) return "cannot create folder " + dir.string() + ": not a folder";

  // Built piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + s.
  std::string tempName = ".";
  tempName += target.filename().string();
  tempName += ".tmp-";
  tempName += std::to_string(::getpid());
  const fs::path temp = dir / tempName;
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + temp.string() + ": " + errnoText(errno);

  // On any failure the temp goes and the previous file stays the good one:
  // no retry that could pretend a save happened.
  auto fail = [&](const std::string& what, int e) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return what + ": " + errnoText(e);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot write " + temp.string(), errno);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot flush " + temp.string() + " to disk", errno);
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot write " + temp.string(), errno);
  if (::rename(temp.c_str(), target.c_str()) != 0)
    return fail("cannot replace " + target.string(), errno);

  // The rename itself is durable only once the folder is synced.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return "saved, but cannot open folder " + dir.string() + ": " + errnoText(errno);
  int synced = ::fsync(dfd);
  int e = errno;
  ::close(dfd);
  if (synced != 0 && e != EINVAL && e != ENOTSUP)  // some filesystems cannot sync folders
    return "saved, but cannot flush folder " + dir.string() + ": " + errnoText(e);
  return "";
}

UserFolder userDataFolder() { return xdgFolder("XDG_DATA_HOME", ".local/share"); }

UserFolder userConfigFolder() { return xdgFolder("XDG_CONFIG_HOME", ".config"); }

}  // namespace trustdaily::core
