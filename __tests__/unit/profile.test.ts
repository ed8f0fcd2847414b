// Who sees every product (src/defectdojo/profile.ts): the profile shapes of DefectDojo 3.2.0 open
// source (docs/defectdojo-api.md §l) and of role-based servers (2.x §m, Pro).
import { describe, expect, it } from '@jest/globals'
import { openSourcePermissions, seesEveryProduct } from '../../src/defectdojo/profile.js'

const user = { id: 7, username: 'ci', is_active: true, is_staff: false, is_superuser: false, configuration_permissions: [] }
const contact = { id: 7, user: 7, title: null, block_execution: true, force_password_reset: false }
/** 3.2.0's user_profile: `user` and `user_contact_info` only. */
const v3 = (over: Record<string, unknown>) => ({ user: { ...user, ...over }, user_contact_info: contact })
/** 2.49.0's: `global_role` and member lists, no `is_staff`. */
const v2 = { user: { id: 7, username: 'ci', is_active: true, is_superuser: false }, global_role: null, dojo_group_member: [], product_type_member: [], product_member: [] }

describe('seesEveryProduct', () => {
  it('a superuser does, on every server', () => {
    expect(seesEveryProduct(v3({ is_superuser: true }))).toBe(true)
    expect(seesEveryProduct({ ...v2, user: { ...v2.user, is_superuser: true } })).toBe(true)
  })

  it('a staff user of 3.x open source does: is_staff present, no role fields', () => {
    expect(openSourcePermissions(v3({ is_staff: true }))).toBe(true)
    expect(seesEveryProduct(v3({ is_staff: true }))).toBe(true)
  })

  it('a user that is neither does not', () => {
    expect(seesEveryProduct(v3({}))).toBe(false)
  })

  it('a staff user of a role-based server does not: role fields beside is_staff (Pro), or no is_staff at all (2.x)', () => {
    expect(openSourcePermissions(v2)).toBe(false)
    expect(seesEveryProduct({ ...v2, user: { ...v2.user, is_staff: true } })).toBe(false)
    expect(seesEveryProduct({ ...v3({ is_staff: true }), global_role: { role: 4 } })).toBe(false)
    expect(seesEveryProduct(v3({ is_staff: true, global_role: 4 }))).toBe(false)
  })

  it('a profile without a user says nothing', () => {
    expect(seesEveryProduct({})).toBe(false)
    expect(seesEveryProduct({ user: 'admin' })).toBe(false)
  })
})
