import { describe, expect, it } from '@jest/globals'
import { describeFailure, describeRedirect, formatSize, serverText } from '../../src/defectdojo/errors.js'
import { useDialect } from '../../src/config/inputs.js'
import { retryAfter } from '../../src/defectdojo/client.js'

const base = { contentType: 'application/json', endpoint: 'reimport-scan', scanType: 'Trivy Scan', product: 'web', fileSize: 5 * 1048576 }

describe('describeFailure', () => {
  it('tells a bad token apart from a missing permission (DefectDojo answers 403 for both)', () => {
    expect(describeFailure({ ...base, status: 403, body: '{"detail": "Invalid token."}' })).toMatch(/rejected the token.*`defectdojo-token`/)
    expect(describeFailure({ ...base, status: 403, body: '{"detail": "You do not have permission to perform this action."}' })).toMatch(/may not reimport into product "web"/)
  })

  it('quotes a field error without the Python repr and the sales text', () => {
    const body = JSON.stringify({ scan_type: ['"Trivy" is not a valid choice.'], message: "{'scan_type': [ErrorDetail(string='\"Trivy\" is not a valid choice.', code='invalid_choice')]}", pro: ['Pro comes with support.'] })
    const sentence = describeFailure({ ...base, status: 400, body })
    expect(sentence).toBe('DefectDojo refused the scan type "Trivy Scan" (HTTP 400: "scan_type: "Trivy" is not a valid choice.").')
    expect(sentence).not.toContain('ErrorDetail')
    expect(sentence).not.toContain('Pro comes')
  })

  it('unwraps a Django ValidationError message and names the size limit', () => {
    expect(describeFailure({ ...base, status: 400, body: '{"non_field_errors": ["Report file is too large. Maximum supported size is 100 MB"], "message": "x"}' })).toContain('DD_SCAN_FILE_MAX_SIZE')
    expect(serverText('{"message": "[\'Internal error: Wrong file format, please use xml.\']", "pro": []}')).toBe('Internal error: Wrong file format, please use xml.')
  })

  it('blames a proxy for an HTML 413 and gives the report size', () => {
    expect(describeFailure({ ...base, status: 413, contentType: 'text/html', body: '<html><body>413 Request Entity Too Large</body></html>' })).toBe(
      'The upload was rejected by a proxy in front of DefectDojo (HTTP 413, report is 5.0 MB): raise its body size limit (nginx client_max_body_size).'
    )
  })

  it('says a 500 is a parse failure of this report as its scan type', () => {
    expect(describeFailure({ ...base, status: 500, body: '{"message": "Internal server error, check logs for details"}' })).toMatch(/^DefectDojo failed to parse this report as Trivy Scan \(HTTP 500/)
  })

  it('strips markup and control characters from server text', () => {
    expect(serverText('{"detail": "<script>alert(1)</script>\\nnext"}')).toBe('script alert(1) /script next')
    expect(serverText('x'.repeat(500)).length).toBe(300)
  })
})

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter('7')).toBe(7)
    expect(retryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1, 0, 0, 0))).toBe(30)
    expect(retryAfter(undefined)).toBeNull()
    expect(retryAfter('soon')).toBeNull()
  })
})

describe('formatSize', () => {
  it('gives a small report its real size, not "0.0 MB"', () => {
    expect(formatSize(0)).toBe('0 B')
    expect(formatSize(812)).toBe('812 B')
    expect(formatSize(1593)).toBe('1.6 KB')
    expect(formatSize(200 * 1024)).toBe('200 KB')
    expect(formatSize(5 * 1048576)).toBe('5.0 MB')
  })

  it('shows it in a 413', () => {
    expect(describeFailure({ ...base, status: 413, fileSize: 1593, body: '{"detail": "too big"}' })).toBe('DefectDojo rejected the report as too large (HTTP 413, report is 1.6 KB: "too big").')
  })
})

describe('describeRedirect', () => {
  it('tells a login in front of DefectDojo (another host, or a login path) from a moved API', () => {
    expect(describeRedirect('https://dd.example.com', 302, 'https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize?state=x')).toMatch(
      /^DefectDojo is behind a login: .* redirected \(HTTP 302\) to https:\/\/login\.microsoftonline\.com\/tenant\/oauth2\/v2\.0\/authorize, which an API token cannot pass\. Send the login's service credentials with the `extra-headers` input/
    )
    expect(describeRedirect('https://dd.example.com', 302, '/cdn-cgi/access/login/dd.example.com?redirect_url=%2F')).toMatch(/behind a login: .* to https:\/\/dd\.example\.com\/cdn-cgi\/access\/login\/dd\.example\.com,/)
    expect(describeRedirect('http://dd.example.com', 301, 'https://dd.example.com/api/v2/user_profile/')).toBe(
      'http://dd.example.com redirects the API (HTTP 301) to https://dd.example.com/api/v2/user_profile/: set `defectdojo-url` to https://dd.example.com. The uploads are POSTs, which a redirect does not carry, so it is not followed.'
    )
    expect(describeRedirect('https://dd.example.com', 302, undefined)).toMatch(/redirected \(HTTP 302\) to an address it did not give/)
  })

  it('names the command line\'s options on the command line', () => {
    useDialect('cli')
    try {
      expect(describeRedirect('https://dd.example.com', 302, 'https://sso.example.com/')).toContain('`--extra-headers`')
      expect(describeRedirect('http://dd.example.com', 301, 'https://dd.example.com/api/v2/user_profile/')).toContain('set DEFECTDOJO_URL (or --defectdojo-url) to https://dd.example.com.')
    } finally {
      useDialect('action')
    }
  })
})
