#include "permalink.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "embed_layout.h"

namespace memviz::web {
namespace {

// --- raw deflate (no zlib or gzip header: the smallest link) --------------------------------

std::string deflate_raw(std::string_view text) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&stream, static_cast<uLong>(text.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

// Inflates at most `limit` bytes; none for a stream that is malformed, truncated or longer.
std::optional<std::string> inflate_raw(std::string_view data, std::size_t limit) {
    z_stream stream{};
    if (inflateInit2(&stream, -15) != Z_OK) return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[16384];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > limit) status = Z_BUF_ERROR;  // a truncated stream ends with Z_BUF_ERROR too
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return std::nullopt;
    return out;
}

// --- base64url without padding (RFC 4648 section 5) ------------------------------------------

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            group = group << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        }
        for (std::size_t k = 0; k < n + 1; ++k) out += kAlphabet[(group >> (18 - 6 * k)) & 63];
    }
    return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3 + 2);
    std::uint32_t group = 0;
    int bits = 0;
    for (char c : text) {
        const std::size_t value = kAlphabet.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        group = (group << 6 | static_cast<std::uint32_t>(value)) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((group >> bits) & 0xff);
        }
    }
    return out;
}

std::string pack(std::string_view text) { return base64url(deflate_raw(text)); }

std::optional<std::string> unpack(std::string_view value, std::size_t limit) {
    const auto compressed = from_base64url(value);
    if (!compressed) return std::nullopt;
    return inflate_raw(*compressed, limit);
}

// --- the short words --------------------------------------------------------------------------

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A plain decimal number ("12", "1.5"). strtod rather than std::from_chars: Emscripten's libc++
// has no floating-point from_chars.
std::optional<double> number(std::string_view text) {
    if (text.empty() || text.size() > 32) return std::nullopt;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
            return std::nullopt;
        }
    }
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<bool> flag(std::string_view text) {
    if (text == "1" || text == "true" || text.empty()) return true;
    if (text == "0" || text == "false") return false;
    return std::nullopt;
}

// A value as it can stand in a fragment: the short words are letters, digits, '-' and ','; the
// rest of a link is base64url. A value from a hand-edited link may carry %-escapes: decoded.
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
        } else {
            out += text[i] == '+' ? ' ' : text[i];
        }
    }
    return out;
}

// scheme://host[:port] and nothing more: what MessageEvent.origin holds.
bool is_origin(std::string_view text) {
    const std::size_t scheme_end = text.find("://");
    if (text.size() > 200 || scheme_end == std::string_view::npos) return false;
    const std::string_view scheme = text.substr(0, scheme_end);
    if (scheme != "https" && scheme != "http") return false;
    const std::string_view rest = text.substr(scheme_end + 3);
    if (rest.empty()) return false;
    for (char c : rest) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']') return false;
    }
    return true;
}

class FragmentReader {
public:
    explicit FragmentReader(DecodedPermalink& out) : m_out(out) {}

    void read(std::string_view key, std::string_view raw) {
        Permalink& link = m_out.link;
        const std::string value = percent_decoded(raw);
        if (key == "code") {
            if (auto text = unpack(raw, kMaxSourceBytes)) link.source = std::move(*text), m_has_code = true;
            else m_code_problem = true;
        } else if (key == "stdin" || key == "args") {
            if (auto text = unpack(raw, kMaxInputBytes)) (key == "stdin" ? link.stdin_text : link.arguments) = std::move(*text);
            else warn(key, "is not text this page wrote (or is over 256 KiB): left out");
        } else if (key == "model") {
            if (auto model = parse_data_model(value)) link.settings.data_model = *model;
            else warn(key, "is not a data model (lp64 or ilp32)");
        } else if (key == "policy") {
            if (auto policy = alloc::parse_policy(value)) link.settings.policy = *policy;
            else warn(key, "is not an allocator policy (first-fit, next-fit, best-fit, explicit-lifo, explicit-address, segregated, textbook)");
        } else if (key == "top") {
            if (value == "low" || value == "high") link.settings.high_addresses_first = value == "high";
            else warn(key, "must be low or high");
        } else if (key == "theme") {
            if (value == "light" || value == "dark") link.settings.light_theme = value == "light";
            else warn(key, "must be light or dark");
        } else if (key == "keep") {
            read_flag(key, value, link.settings.keep_going);
        } else if (key == "stack" || key == "heap") {
            const auto bytes = number(value);
            const std::string name(key);
            const auto problem = !bytes ? std::optional<std::string>(name + " must be a number of bytes")
                                 : key == "stack" ? stack_limit_problem(*bytes, name)
                                                  : heap_limit_problem(*bytes, name);
            if (problem) m_out.warnings.push_back(*problem);
            else (key == "stack" ? link.settings.stack_limit : link.settings.heap_limit) = static_cast<std::uint64_t>(*bytes);
        } else if (key == "steps") {
            if (auto g = history::parse_granularity(value)) link.granularity = *g;
            else warn(key, "must be line, statement or expression");
        } else if (key == "step") {
            const auto step = number(value);
            if (step && *step >= 0 && *step <= 1e15 && std::floor(*step) == *step) link.step = static_cast<std::uint64_t>(*step);
            else warn(key, "must be a step number");
        } else if (key == "embed") {
            read_flag(key, value, link.embed);
        } else if (key == "readonly") {
            read_flag(key, value, link.read_only);
        } else if (key == "autoplay") {
            const auto speed = value.empty() || value == "1" ? std::optional<double>(2.0) : number(value);
            if (speed && *speed > 0 && *speed <= 1000) link.autoplay = *speed;
            else warn(key, "must be a speed in steps per second, up to 1000");
        } else if (key == "host") {
            if (is_origin(value)) link.host = value;
            else warn(key, "must be an origin such as https://course.example.edu");
        } else if (key == "panels") {
            link.panels.clear();
            std::string_view rest = value;
            while (!rest.empty()) {
                const std::size_t comma = rest.find(',');
                const std::string panel = lower(rest.substr(0, comma));
                if (is_panel_name(panel)) link.panels.push_back(panel);
                else if (!panel.empty()) warn(key, std::string("names an unknown panel ").append(panel.substr(0, 40)));
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            }
        } else if (m_unknown < 3) {
            ++m_unknown;
            m_out.warnings.push_back(std::string(key.substr(0, 40)).append(" is not something a memviz link sets: left out"));
        }
    }

    bool has_code() const { return m_has_code; }
    bool code_problem() const { return m_code_problem; }

private:
    void warn(std::string_view key, const std::string& why) {
        m_out.warnings.push_back(std::string(key).append(" ").append(why));
    }
    void read_flag(std::string_view key, std::string_view value, bool& into) {
        if (auto on = flag(value)) into = *on;
        else warn(key, "must be 1 or 0");
    }

    DecodedPermalink& m_out;
    bool m_has_code = false;
    bool m_code_problem = false;
    int m_unknown = 0;
};

void add(std::string& out, std::string_view key, std::string_view value) {
    if (!out.empty()) out += '&';
    out.append(key).append("=").append(value);
}

std::string format_number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

}  // namespace

std::string encode_permalink(const Permalink& link) {
    const Permalink defaults;
    const Settings& s = link.settings;
    std::string out;
    add(out, "code", pack(link.source));
    if (!link.stdin_text.empty()) add(out, "stdin", pack(link.stdin_text));
    if (!link.arguments.empty()) add(out, "args", pack(link.arguments));
    if (s.data_model != defaults.settings.data_model) add(out, "model", lower(info(s.data_model).name));
    if (s.policy != defaults.settings.policy) add(out, "policy", alloc::name(s.policy));
    if (s.high_addresses_first) add(out, "top", "high");
    if (s.light_theme) add(out, "theme", "light");
    if (s.keep_going) add(out, "keep", "1");
    if (s.stack_limit != defaults.settings.stack_limit) add(out, "stack", std::to_string(s.stack_limit));
    if (s.heap_limit != defaults.settings.heap_limit) add(out, "heap", std::to_string(s.heap_limit));
    if (link.granularity != defaults.granularity) add(out, "steps", history::name(link.granularity));
    if (link.step) add(out, "step", std::to_string(*link.step));
    if (link.embed) add(out, "embed", "1");
    if (!link.panels.empty()) {
        std::string panels;
        for (const std::string& panel : link.panels) panels.append(panels.empty() ? "" : ",").append(panel);
        add(out, "panels", panels);
    }
    if (link.read_only) add(out, "readonly", "1");
    if (link.autoplay > 0) {
        // `autoplay=1` alone means the default speed (2 per second): one step per second is 1.0.
        const std::string speed = format_number(link.autoplay);
        add(out, "autoplay", speed == "1" ? "1.0" : speed);
    }
    if (!link.host.empty()) add(out, "host", link.host);
    return out;
}

Result<DecodedPermalink> decode_permalink(std::string_view fragment) {
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
    if (fragment.size() > kMaxFragmentBytes) {
        std::string message = "The link is ";
        message.append(std::to_string(fragment.size() / 1024)).append(" KiB long, over the ");
        message.append(std::to_string(kMaxFragmentBytes / 1024)).append(" KiB a memviz link may be: showing the default example.");
        return Error{message};
    }
    DecodedPermalink out;
    FragmentReader reader(out);
    while (!fragment.empty()) {
        const std::size_t amp = fragment.find('&');
        const std::string_view pair = fragment.substr(0, amp);
        fragment = amp == std::string_view::npos ? std::string_view{} : fragment.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        reader.read(pair.substr(0, eq), eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    }
    if (reader.code_problem()) {
        return Error{"The code in the link is damaged (cut short when it was copied?) or over 1 MiB: showing the default example."};
    }
    if (!reader.has_code()) return Error{"The link holds no code: showing the default example."};
    return out;
}

}  // namespace memviz::web
