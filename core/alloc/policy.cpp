#include "alloc/policy.h"

#include <array>
#include <cctype>
#include <string>

#include "alloc/policies/explicit_list.h"
#include "alloc/policies/implicit.h"
#include "alloc/policies/segregated.h"

namespace memviz::alloc {
namespace {

constexpr std::array kPolicies = {PolicyKind::FirstFit, PolicyKind::NextFit, PolicyKind::BestFit,
                                  PolicyKind::ExplicitLifo, PolicyKind::ExplicitAddress,
                                  PolicyKind::Segregated, PolicyKind::Textbook};

}  // namespace

std::string_view name(PolicyKind policy) {
    switch (policy) {
        case PolicyKind::FirstFit: return "first-fit";
        case PolicyKind::NextFit: return "next-fit";
        case PolicyKind::BestFit: return "best-fit";
        case PolicyKind::ExplicitLifo: return "explicit-lifo";
        case PolicyKind::ExplicitAddress: return "explicit-address";
        case PolicyKind::Segregated: return "segregated";
        case PolicyKind::Textbook: return "textbook";
    }
    return "?";
}

std::optional<PolicyKind> parse_policy(std::string_view text) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (PolicyKind policy : kPolicies) {
        if (name(policy) == lower) return policy;
    }
    return std::nullopt;
}

std::span<const PolicyKind> all_policies() { return kPolicies; }

std::unique_ptr<Policy> make_policy(PolicyKind kind) {
    switch (kind) {
        case PolicyKind::FirstFit:
        case PolicyKind::Textbook: return std::make_unique<ImplicitFit>(ImplicitFit::Kind::First);
        case PolicyKind::NextFit: return std::make_unique<ImplicitFit>(ImplicitFit::Kind::Next);
        case PolicyKind::BestFit: return std::make_unique<ImplicitFit>(ImplicitFit::Kind::Best);
        case PolicyKind::ExplicitLifo: return std::make_unique<ExplicitList>(ExplicitList::Order::Lifo);
        case PolicyKind::ExplicitAddress: return std::make_unique<ExplicitList>(ExplicitList::Order::Address);
        case PolicyKind::Segregated: return std::make_unique<SegregatedFit>();
    }
    return nullptr;
}

BlockFormat format_for(PolicyKind policy, DataModel model) {
    BlockFormat format;
    if (policy == PolicyKind::Textbook) {
        // CS:APP 9.9.12: WSIZE 4, DSIZE 8, header and footer on every block, 16-byte minimum.
        format.word = 4;
        format.alignment = 8;
        format.link = 4;
        format.footer_when_allocated = true;
        format.links = false;
        format.prev_bit = false;
    } else {
        const DataModelInfo& target = info(model);
        format.word = target.pointer_bytes;
        format.alignment = target.malloc_alignment;
        format.link = target.pointer_bytes;
        format.links = policy == PolicyKind::ExplicitLifo || policy == PolicyKind::ExplicitAddress ||
                       policy == PolicyKind::Segregated;
        // Implicit lists keep boundary tags on every block, as the textbook draws them; explicit
        // lists keep footers on free blocks only and a prev_allocated bit in each header.
        format.footer_when_allocated = !format.links;
    }
    const std::uint64_t free_needs = format.word + (format.links ? 2 * format.link : 0) + format.word;
    const std::uint64_t allocated_needs = format.overhead() + 1;
    format.min_block = format.align_up(std::max(free_needs, allocated_needs));
    format.max_block = (format.word == 4 ? 0xffff'ffffULL : ~0ULL) & ~std::uint64_t{7};
    return format;
}

}  // namespace memviz::alloc
