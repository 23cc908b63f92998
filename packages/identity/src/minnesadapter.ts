import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Post {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * The provider's state (sessions, interactions, codes, grants) in this process's memory, one store per
 * provider: lost at restart, which is what a local demo provider wants. Unlike oidc-provider's bundled
 * adapter it has no size cap (a demo start signs in each of ~700 chefs) and drops entries when they expire.
 */
export function minnesadapter(): (model: string) => Adapter {
  const poster = new Map<string, Post>();
  const index = new Map<string, string>();
  const grants = new Map<string, Set<string>>();
  let nastaStadning = 0;
  const stada = (nu: number) => {
    if (nu < nastaStadning) return;
    nastaStadning = nu + 60_000;
    for (const [key, post] of poster) if (post.expiresAt <= nu) poster.delete(key);
    for (const [key, target] of index) if (!poster.has(target)) index.delete(key);
    for (const [grantId, keys] of grants) {
      for (const key of keys) if (!poster.has(key)) keys.delete(key);
      if (keys.size === 0) grants.delete(grantId);
    }
  };
  const las = (key: string | undefined): AdapterPayload | undefined => {
    if (!key) return undefined;
    const post = poster.get(key);
    if (!post) return undefined;
    if (post.expiresAt <= Date.now()) {
      poster.delete(key);
      return undefined;
    }
    return post.payload;
  };

  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const nu = Date.now();
        stada(nu);
        poster.set(key(id), { payload, expiresAt: expiresIn ? nu + expiresIn * 1000 : Number.POSITIVE_INFINITY });
        if (payload.uid) index.set(`${model}:uid:${payload.uid}`, key(id));
        if (payload.userCode) index.set(`${model}:userCode:${payload.userCode}`, key(id));
        if (payload.grantId) {
          const keys = grants.get(payload.grantId) ?? new Set<string>();
          keys.add(key(id));
          grants.set(payload.grantId, keys);
        }
      },
      async find(id) {
        return las(key(id));
      },
      async findByUid(uid) {
        return las(index.get(`${model}:uid:${uid}`));
      },
      async findByUserCode(userCode) {
        return las(index.get(`${model}:userCode:${userCode}`));
      },
      async consume(id) {
        const payload = las(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        poster.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const grantKey of grants.get(grantId) ?? []) poster.delete(grantKey);
        grants.delete(grantId);
      },
    };
  };
}
