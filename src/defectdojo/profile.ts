// What the token's user profile (GET /api/v2/user_profile/, docs/defectdojo-api.md §g) says about
// what the user can see in the list endpoints, which decides whether an empty list proves absence.
// A superuser sees every product. So does a staff user in DefectDojo 3.x open source, which has no
// roles any more (§l); on role-based servers — 2.x (§m: `global_role` and member lists instead of
// `is_staff`) and Pro — what a staff user sees depends on roles, so there it proves nothing: wrongly
// "proving" absence would send a report again and could import it twice.

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Keys of the role-based permission model (2.x `global_role`, `*_member` lists; Pro's roles). */
const ROLE_KEY = /role|member/i

/** Whether the profile shows the 3.x open-source model: `is_staff` present, no role fields anywhere. */
export function openSourcePermissions(profile: Json): boolean {
  const user = isRecord(profile.user) ? profile.user : null
  if (!user || typeof user.is_staff !== 'boolean') return false
  const contact = isRecord(profile.user_contact_info) ? profile.user_contact_info : {}
  return ![...Object.keys(profile), ...Object.keys(user), ...Object.keys(contact)].some((key) => ROLE_KEY.test(key))
}

/** Whether the token's user sees every product in the list endpoints. */
export function seesEveryProduct(profile: Json): boolean {
  const user = isRecord(profile.user) ? profile.user : null
  if (!user) return false
  return user.is_superuser === true || (user.is_staff === true && openSourcePermissions(profile))
}
