import { create } from 'zustand';

/** Which client and vacancy the clients screen shows. */
interface ClientsState {
  clientId: string | null;
  vacancyId: string | null;
  selectClient(id: string | null): void;
  openVacancy(id: string | null): void;
}

export const useClients = create<ClientsState>()((set) => ({
  clientId: null,
  vacancyId: null,
  selectClient: (clientId) => set({ clientId, vacancyId: null }),
  openVacancy: (vacancyId) => set({ vacancyId }),
}));
